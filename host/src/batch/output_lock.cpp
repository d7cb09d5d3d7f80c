#include "output_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "../pipeline/output_directory.hpp"

namespace perfreport {

OutputLock::OutputLock(const std::filesystem::path& out)
{
    const OutputDirectory folder(out);  // creates it, or says why it cannot
    const std::filesystem::path file = folder.root() / ".lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw OutputError("cannot create " + file.string() + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd_);
        fd_ = -1;
        throw OutputError(error == EWOULDBLOCK
                              ? out.string() + " is in use by another perfreport batch; give each run its own -o"
                              : "cannot lock " + file.string() + ": " + std::strerror(error));
    }
}

OutputLock::~OutputLock()
{
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace perfreport
