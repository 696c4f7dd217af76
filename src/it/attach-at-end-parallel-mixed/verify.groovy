import static dev.worklink.it.ItSandbox.*

def uploads = recordsTo(sandboxPort, '/attachments/upload')
def names = uploads.collect { it.parts[0].fileName }.sort()
check(names == ['module-a-1.0.jar', 'module-c-1.0.jar', 'module-d-1.0.jar'], "a, c and d exactly once, b not at all: ${names}")
def log = new File(basedir, 'build.log').text
check(log.count('attachAtEnd: this is the last module') <= 1, 'at most one upload phase')
check(!log.contains('held back'), 'nothing is held back')
check(recordsTo(sandboxPort, '/v3/auth/tokens').size() == 1, 'one IAM call for the whole build')
return true
