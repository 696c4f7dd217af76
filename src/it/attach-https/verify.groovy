import static dev.worklink.it.ItSandbox.*
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
check(log.contains('BUILD FAILURE') && log.contains('BUILD SUCCESS'), 'the first build must fail and the second succeed')
def failure = log.readLines().find { it.contains('could not be set up') }
check(failure != null, 'the first build must say the TLS connection could not be set up')
check(failure.contains("https://127.0.0.1:${sandboxHttpsPort}"), "the failure must name the endpoint: ${failure}")
check(failure.contains('-Djavax.net.ssl.trustStore=') && failure.contains('-Djavax.net.ssl.trustStorePassword='),
        "the failure must name the trust store properties: ${failure}")
check(failure.contains('SSLHandshakeException'), "the failure must say what TLS said: ${failure}")

// Only the second build reached the service: one list call and one upload, both over TLS.
def records = records(sandboxPort)
check(records.size() == 2, "expected the second build's list call and upload only, got ${records}")
def upload = records.find { it.path.endsWith('/attachments/upload') }
check(upload != null && upload.status == 200, "upload ${upload}")
check(upload.parts[0].fileName == 'notes.txt' && upload.parts[0].sha256 == sha256(new File(basedir, 'notes.txt').toPath()), "parts ${upload.parts}")
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(report.endpoint == "https://127.0.0.1:${sandboxHttpsPort}".toString() && report.items[0].status == 'uploaded', "report ${report}")
return true
