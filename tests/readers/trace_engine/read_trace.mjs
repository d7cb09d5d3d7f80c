// Reads a Chrome trace with DevTools' own trace engine (npm
// @paulirish/trace_engine, docs: TOOLCHAIN.md 6) and prints, as one JSON
// object, what the engine understood:
//   complete_events  X events the engine placed on threads
//   processes        "pid name" from process_name events, by pid
//   threads          "pid/tid name" from thread_name events, by pid and tid
//   time_range       {min, max}: the trace's bounds, µs
// Usage: node read_trace.mjs TRACE.json
import fs from 'node:fs';

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 20) {
  console.error(`read_trace.mjs: node ${process.versions.node} is too old: the trace engine needs node 20 or later`);
  process.exit(2);
}

// The engine is browser code and builds DOMRects, which node does not have;
// nothing here reads them, so the plain fields do.
globalThis.DOMRect ??= class DOMRect {
  constructor(x = 0, y = 0, width = 0, height = 0) {
    Object.assign(this, {x, y, width, height});
  }
};
const {TraceModel} = await import('@paulirish/trace_engine/models/trace/trace.js');

const file = process.argv[2];
if (!file) {
  console.error('usage: node read_trace.mjs TRACE.json');
  process.exit(2);
}
const trace = JSON.parse(fs.readFileSync(file, 'utf8'));
const model = TraceModel.Model.createWithAllHandlers();
await model.parse(trace.traceEvents);
const {Meta, Renderer} = model.parsedTrace().data;

const byNumbers = (a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1];
const processes = [...Meta.processNames].map(([pid, event]) => ({key: [pid, 0], text: `${pid} ${event.args.name}`}));
const threads = [];
for (const [pid, named] of Meta.threadsInProcess) {
  for (const [tid, event] of named) threads.push({key: [pid, tid], text: `${pid}/${tid} ${event.args.name}`});
}
let completeEvents = 0;
for (const rendererProcess of Renderer.processes.values()) {
  for (const thread of rendererProcess.threads.values()) {
    completeEvents += thread.entries.filter(event => event.ph === 'X').length;
  }
}
console.log(JSON.stringify({
  complete_events: completeEvents,
  processes: processes.sort(byNumbers).map(p => p.text),
  threads: threads.sort(byNumbers).map(t => t.text),
  time_range: {min: Meta.traceBounds.min, max: Meta.traceBounds.max},
}));
