import static dev.worklink.it.ItSandbox.*
import java.nio.file.Files

def project = '0123456789abcdef0123456789abcd10'
def issue = '956239067176935410'
def names = ['changes-1.0.txt', 'notes-1.0.txt']
def stored = ipdAttachments(sandboxPort, project, issue)
names.each { name ->
    def copies = stored.findAll { it.file_name == name }
    check(copies.size() == 1, "the work item must hold exactly one copy of ${name}, but holds ${copies.size()}: ${stored}")
    check(copies[0].file_size == Files.size(new File(basedir, "dist/${name}").toPath()), "size of ${name}: ${copies[0]}")
}
check(stored.size() == 2, "the work item must hold the two files only: ${stored}")

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 3, "one upload answered, one lost after it was stored (not sent again), one dropped (sent again): ${uploads}")
check(uploads.count { it.status == 0 } == 2 && uploads.count { it.status == 200 } == 1, "statuses ${uploads*.status}")

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(report.outcome == 'success', "report outcome ${report.outcome}")
check(report.items.size() == 2 && report.items.every { it.status == 'uploaded' && it.attachmentId }, "report items ${report.items}")
def confirmed = report.items.find { it.answerLost == 'confirmed' }
def again = report.items.find { it.answerLost == 'not-stored' }
check(confirmed != null && again != null && confirmed.file != again.file, "one confirmed and one sent again: ${report.items}")
check(stored.find { it.file_name == confirmed.file }.id == confirmed.attachmentId, "the confirmed id is the stored attachment's: ${confirmed}")
check(confirmed.reason.contains('was found on the work item'), "reason ${confirmed.reason}")

def log = new File(basedir, 'build.log').text
check(log.contains('BUILD SUCCESS'), 'the build must succeed')
check(log.contains("the answer was lost; the attachment was found on the work item"), 'the log must say the upload was confirmed')
check(log.contains("${again.file} for work item ${issue}: the answer was lost"), 'the log must say which file went again')
return true
