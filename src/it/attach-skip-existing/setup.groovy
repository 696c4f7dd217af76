import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// Before the first run the work item already holds, uploaded by someone else:
// CHANGES.txt with one byte less than the local CHANGES.txt (same name, another size: must be uploaded),
// NOTICE.txt with the size of the local LICENSE.txt (another name, same size: LICENSE.txt must be uploaded).
def project = '0123456789abcdef0123456789abcde8'
def issue = '956239067176935408'
def changes = new File(basedir, 'CHANGES.txt').bytes
preUpload(sandboxPort, project, issue, 'CHANGES.txt', Arrays.copyOf(changes, changes.length - 1))
preUpload(sandboxPort, project, issue, 'NOTICE.txt', new byte[new File(basedir, 'LICENSE.txt').length()])
return true
