import static dev.worklink.it.ItSandbox.*

def project = '0123456789abcdef0123456789abcde9'
def issue = '956239067176935409'
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 100, "only the first run uploads, 100 files: got ${uploads.size()}")
def lists = records(sandboxPort).findAll { it.method == 'GET' && it.path == "/v1/ipdprojectservice/projects/${project}/attachments".toString() }
check(lists.size() == 2 && lists.every { it.status == 200 }, "each run lists the work item once: ${lists.size()}")

def body = getText(sandboxPort, "/v1/ipdprojectservice/projects/${project}/attachments?issue_id=${issue}", 'X-Auth-Token', 'sandbox-ready-token-0000000000000000')
check(body.getBytes('UTF-8').length > 70 * 1024, "the list answer must be well over 64 KiB, it is ${body.getBytes('UTF-8').length} bytes")
def listed = new groovy.json.JsonSlurper().parseText(body).result
check(listed.size() == 100 && listed.every { !it.containsKey('file_name') && it.title.length() == 239 }, 'the list holds the 100 attachments, SDK-shaped')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(report.items.size() == 100 && report.items.every { it.status == 'skipped' && it.attachmentId }, "the second run skips all 100: ${report.items.countBy { it.status }}")
return true
