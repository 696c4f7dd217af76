import static dev.worklink.it.ItSandbox.*

def project = '0123456789abcdef0123456789abcde8'
def issue = '956239067176935408'
def uploadPath = "/v1/ipdprojectservice/projects/${project}/issues/${issue}/attachments/upload"
def all = records(sandboxPort)
def uploads = all.findAll { it.path == uploadPath }
def preUploads = uploads.findAll { it.authenticatedAs == 'token:ready' }
def buildUploads = uploads.findAll { it.authenticatedAs?.startsWith('aksk:') }
check(preUploads*.parts*.getAt(0)*.fileName == ['CHANGES.txt', 'NOTICE.txt'], "the setup's two uploads: ${preUploads*.parts}")
check(uploads.size() == 5, "2 set-up uploads + 3 in the first run, none in the second: got ${uploads.size()}")
check(buildUploads*.parts*.getAt(0)*.fileName.sort() == ['CHANGES.txt', 'LICENSE.txt', 'release-notes.txt'],
        'the first run uploads all three: CHANGES.txt (same name, other size), LICENSE.txt (same size, other name), release-notes.txt: '
        + buildUploads*.parts*.getAt(0)*.fileName)
['CHANGES.txt', 'LICENSE.txt', 'release-notes.txt'].each { name ->
    def part = buildUploads.find { it.parts[0].fileName == name }.parts[0]
    check(part.size == new File(basedir, name).length() && part.sha256 == sha256(new File(basedir, name).toPath()), "${name} arrived changed")
}
def lists = all.findAll { it.method == 'GET' && it.path == "/v1/ipdprojectservice/projects/${project}/attachments" }
check(lists.size() == 2 && lists.every { it.query == "issue_id=${issue}" && it.status == 200 }, "each run lists the work item once: ${lists}")
check(all.findAll { it.authenticatedAs != 'token:ready' }.every { it.authenticatedAs?.startsWith('aksk:') },
        'every call of the build must carry a valid AK/SK signature')
def log = new File(basedir, 'build.log').text
['release-notes.txt', 'LICENSE.txt', 'CHANGES.txt'].each { name ->
    check(log.contains("Skipped ${name} for work item ${issue}"), "the second run logs no skip line for ${name}")
}
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(report.items.size() == 3, "the second report lists the three files: ${report.items}")
check(report.items.every { it.status == 'skipped' && it.workItem == issue && it.attachmentId ==~ /\d+/ },
        "the second report must list all three as skipped, each with the attachment that stands there: ${report.items}")
def firstRunIds = ['CHANGES.txt', 'LICENSE.txt', 'release-notes.txt']
check(report.items*.file.sort() == firstRunIds, "report files ${report.items*.file}")
return true
