import static dev.worklink.it.ItSandbox.*
import java.nio.file.Files

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 2, "expected 2 uploads, got ${uploads.size()}: ${uploads}")
def jars = ['attach-ipd-jar-1.0.jar', 'attach-ipd-jar-1.0-sources.jar']
jars.each { name ->
    def file = new File(basedir, "target/${name}").toPath()
    def upload = uploads.find { it.parts[0].fileName == name }
    check(upload != null, "no upload of ${name} in ${uploads}")
    check(upload.path == '/v1/ipdprojectservice/projects/0123456789abcdef0123456789abcdef/issues/956239067176935400/attachments/upload', "path ${upload.path}")
    check(upload.parts.size() == 1 && upload.parts[0].field == 'attachment', "parts ${upload.parts}")
    check(upload.parts[0].size == Files.size(file), "size of ${name}: ${upload.parts[0].size} vs ${Files.size(file)}")
    check(upload.parts[0].sha256 == sha256(file), "sha256 of ${name}")
    check(upload.status == 200, "status ${upload.status}")
}
def iam = recordsTo(sandboxPort, '/v3/auth/tokens')
check(iam.size() == 1, "expected one IAM call, got ${iam.size()}")
def report = new File(basedir, 'target/worklink/attach.json')
check(report.isFile(), "no report at ${report}")
def json = new groovy.json.JsonSlurper().parse(report)
check(json.items.size() == 2 && json.items.every { it.status == 'uploaded' && it.attachmentId }, "report items ${json.items}")
check(!report.text.contains('sandbox-password'), 'the report holds the password')
def log = new File(basedir, 'build.log').text
check(log.contains('Attached attach-ipd-jar-1.0.jar'), 'no summary line for the main jar')
return true
