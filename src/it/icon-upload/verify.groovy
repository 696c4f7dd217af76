import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper
import java.nio.file.Files

def icon = new File(basedir, 'src/main/extension/icon.png').toPath()
def lookups = records(sandboxPort).findAll { it.path == '/v3/projects' }
check(lookups.size() == 1 && lookups[0].query == 'name=cn-north-4', "AK/SK looks up the region's IAM project once: ${lookups}")
def calls = records(sandboxPort) - lookups
check(calls.size() == 1, "one call, the upload: ${calls.collect { [it.method, it.path] }}")
check(calls[0].headers['x-project-id'] == '04a1b2c3d4e5f60718293a4b5c6d7e8f', 'the upload carries the looked-up X-Project-Id')
def upload = calls[0]
check(upload.method == 'POST' && upload.path == '/v1/ce8df55870164338a72d7e828a966a2a/common/upload-plugin-icon', "call ${upload.method} ${upload.path}")
check(upload.query == 'plugin_name=worklink%20demo%201.0', "the name must be percent-encoded, a space as %20: ${upload.query}")
check(upload.status == 200, "status ${upload.status}")
check(upload.authenticatedAs == 'aksk:SANDBOXAK00000000001', 'the call is signed with the access key (the query included)')
check(upload.parts.size() == 1 && upload.parts[0].field == 'upload_file' && upload.parts[0].fileName == 'icon.png', "parts ${upload.parts}")
check(upload.parts[0].contentType == 'image/png', "content type ${upload.parts[0].contentType}")
check(upload.parts[0].size == Files.size(icon), 'the size changed')
check(upload.parts[0].sha256 == sha256(icon), 'the bytes changed')

def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/icon.json'))
def item = report.items[0]
check(report.outcome == 'success' && item.status == 'uploaded' && item.width == 128 && item.height == 128, "report ${item}")
def storedUrl = 'https://devops.sandbox.invalid/devmarket/plugin/new/worklink-demo-1.0-' + sha256(icon).substring(0, 32) + '-icon.png'
check(item.url == storedUrl, "the report holds the stored icon's URL ${storedUrl}: ${item.url}")
def log = new File(basedir, 'build.log').text
check(log.contains("worklink:icon: the icon of extension 'worklink demo 1.0' is ${item.url}."), 'the log names the stored URL')
check(!log.contains('CodeArts recommends'), 'a 128 × 128 icon draws no warning')
return true
