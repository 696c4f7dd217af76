import static dev.worklink.it.ItSandbox.*

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 2, "only the first run uploads: expected 2 uploads, got ${uploads.size()}")
def lists = records(sandboxPort).findAll { it.method == 'GET' && it.path == '/v1/ipdprojectservice/projects/0123456789abcdef0123456789abcde8/attachments' }
check(lists.size() == 2 && lists.every { it.query == 'issue_id=956239067176935408' && it.status == 200 }, "each run lists the work item once: ${lists}")
def log = new File(basedir, 'build.log').text
check(log.contains('Skipped release-notes.txt for work item 956239067176935408') && log.contains('Skipped LICENSE.txt'), 'no skip lines')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(report.items.size() == 2 && report.items.every { it.status == 'skipped' && it.attachmentId }, "the second report must list both as skipped: ${report.items}")
return true
