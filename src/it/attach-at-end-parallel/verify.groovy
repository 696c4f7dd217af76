import static dev.worklink.it.ItSandbox.*
import java.nio.file.Files

def project = '0123456789abcdef0123456789abcde2'
def issue = '956239067176935402'
def uploadPath = "/v1/ipdprojectservice/projects/${project}/issues/${issue}/attachments/upload"
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 3, "expected 3 uploads, got ${uploads.size()}")
check(uploads.every { it.method == 'POST' && it.path == uploadPath && it.status == 200 },
        "every upload goes to work item ${issue} of project ${project}: ${uploads.collect { [it.method, it.path, it.status] }}")
['a', 'b', 'c'].each { m ->
    def file = new File(basedir, "${m}/target/module-${m}-1.0.jar").toPath()
    def upload = uploads.find { it.parts[0].fileName == "module-${m}-1.0.jar" }
    check(upload != null && upload.parts.size() == 1 && upload.parts[0].field == 'attachment', "module ${m}'s jar was not uploaded as the field 'attachment'")
    check(upload.parts[0].size == Files.size(file) && upload.parts[0].sha256 == sha256(file), "module ${m}'s jar did not arrive intact")
}
// each module's entries are its own: every module's report lists its jar (the parent, a pom, has none)
def parentReport = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(parentReport.outcome == 'success' && parentReport.items.isEmpty(), "the parent's report: ${parentReport}")
def ids = []
['a', 'b', 'c'].each { m ->
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, "${m}/target/worklink/attach.json"))
    check(report.outcome == 'success', "module ${m}'s report outcome ${report.outcome}")
    check(report.items.size() == 1, "module ${m}'s report lists its jar only: ${report.items}")
    def item = report.items[0]
    check(item.file == "module-${m}-1.0.jar" && item.status == 'uploaded' && item.workItem == issue && item.httpStatus == 200,
            "report item of module ${m}: ${item}")
    check(item.size == Files.size(new File(basedir, "${m}/target/module-${m}-1.0.jar").toPath()), "report size of module ${m}: ${item}")
    ids << item.attachmentId
}
check(ids.toSet() == ['1000001', '1000002', '1000003'].toSet() && ids.size() == 3,
        "the reports hold the ids the sandbox gave, once each: ${ids}")
check(recordsTo(sandboxPort, '/v3/auth/tokens').size() == 1, 'expected exactly one IAM call for the whole build')
def log = new File(basedir, 'build.log').text
check(log.count('attachAtEnd: this is the last module') == 1, 'the upload phase must run exactly once')
// every module finished building before the first upload began
def lastJar = log.lastIndexOf('Building jar:')
def firstUpload = log.indexOf('Attached module-')
check(lastJar >= 0 && firstUpload > lastJar, 'uploads started before the last module was built')
return true
