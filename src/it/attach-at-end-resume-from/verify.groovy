import static dev.worklink.it.ItSandbox.*

def names = recordsTo(sandboxPort, '/attachments/upload').collect { it.parts[0].fileName }.sort()
check(names == ['module-b-1.0.jar', 'module-c-1.0.jar'], "the resumed build's modules, each once: ${names}")
def log = new File(basedir, 'build.log').text
check(log.count('attachAtEnd: this is the last module; uploading the files of 2 module(s).') == 1, 'one upload phase, for b and c')
check(!log.contains('held back'), 'nothing is held back')
return true
