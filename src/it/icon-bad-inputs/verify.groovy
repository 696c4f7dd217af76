import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def path = { String p -> new File(basedir, p).toPath().toAbsolutePath().normalize().toString() }
def log = new File(basedir, 'build.log').text
[
    "parameter icon (worklink.icon) = '${path('target/big/icon.png')}': icon.png is 525312 bytes (513.0 KB), over the limit of 524288 bytes (512 KB) for extension icons",
    "parameter icon (worklink.icon) = '${path('target/gif/icon.png')}': must be a PNG or JPEG image by its content (the file name does not count), but it is a GIF image",
    "parameter icon (worklink.icon) = '${path('target/text/icon.png')}': must be a PNG or JPEG image by its content (the file name does not count), but its first bytes are those of no image type",
    "parameter pluginName (worklink.pluginName) = 'team/plugin': may hold only letters, digits, spaces, '-', '_' and '.' (doc), but holds '/'",
    "parameter pluginName (worklink.pluginName) = '${'a' * 51}': is 51 characters long, over the limit of 50 (doc: letters, digits, spaces, '-', '_' and '.'; at most 50 characters)",
    "parameter domainId (worklink.domainId) = 'ce8df55870164338a72d7e828a966a2': must be the account's 32-character domain id: letters and digits only (^[A-Za-z0-9]{32}\$)",
].each { expected ->
    check(log.contains(expected.toString()), "the log lacks: ${expected}")
}
check(log.count('[ERROR] Nothing was sent.') == 6, 'each failure must say nothing was sent')

// Only the last invocation, a PNG named icon.jpg, reached the sandbox: sent as image/png, with a size warning.
def calls = records(sandboxPort)
check(calls.size() == 1, "bad inputs must fail before any request; only the accepted icon may be sent: ${calls.collect { [it.method, it.path, it.query] }}")
def upload = calls[0]
check(upload.path == '/v1/ce8df55870164338a72d7e828a966a2a/common/upload-plugin-icon' && upload.query == 'plugin_name=worklink-demo', "call ${upload.path}?${upload.query}")
check(upload.status == 200, "status ${upload.status}")
check(upload.parts[0].fileName == 'icon.jpg' && upload.parts[0].contentType == 'image/png', "part ${upload.parts[0]}")
check(upload.parts[0].sha256 == sha256(new File(basedir, 'target/png-named-jpg/icon.jpg').toPath()), 'the bytes changed')
check(log.contains('[WARNING] icon.jpg is 64 × 64 pixels; CodeArts recommends 128 × 128 for extension icons. It is uploaded as it is.'), 'no size warning')
check(log.contains('icon.jpg is a PNG image by its content; it is sent as image/png.'), 'no note on the type')
def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/icon.json'))
check(report.outcome == 'success' && report.items[0].contentType == 'image/png', "report ${report.items}")
return true
