import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def png = new File(basedir, 'logo.png')
def puts = records(sandboxPort).findAll { it.method == 'PUT' }
check(puts.size() == 1, "one PUT expected, got ${puts}")
def put = puts[0]
// the endpoint was written with a trailing slash: it is normalized to .../api and the call adds /v1
check(put.path == '/SuperOffice/api/v1/Project/4711/Image', "wrong path ${put.path}")
check(put.status == 200, "the sandbox answered ${put.status}")
check(put.headers['content-type'] == 'image/png', "Content-Type ${put.headers['content-type']}")
check(put.headers['accept'] == 'application/json', "Accept ${put.headers['accept']}")
check(put.headers['authorization'] == '***' && put.authenticatedAs == 'basic:so-user', "Basic as so-user expected: ${put}")
check(!put.headers.containsKey('so-apptoken'), 'a server without <appToken> sends no SO-AppToken')
check(put.bodySize == png.length() && put.bodySha256 == sha256(png.toPath()), 'the PNG must go raw, byte for byte')

def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/project-image.json'))
def item = report.items[0]
check(report.goal == 'project-image' && report.outcome == 'saved' && report.endpoint == "http://127.0.0.1:${sandboxPort}/SuperOffice/api".toString(),
        "report ${report}")
check(item.status == 'saved' && item.entity == 'Project' && item.id == 4711 && item.contentType == 'image/png' && item.size == png.length()
        && item.blobId instanceof Number, "report item ${item}")
def log = new File(basedir, 'build.log').text
check(log.contains("Credentials: Basic authentication as user 'so-user' (password from the server 'superoffice-basic' in Maven settings)"),
        'the log must say which credentials were used')
check(log.contains("worklink:project-image: saved logo.png (image/png, ${png.length()} B) as the image of Project 4711: blob id ${item.blobId}."),
        'the log must end with the blob id')

def back = superOfficeImage(sandboxPort, '/SuperOffice/api/v1/Project/4711/Image',
        'Authorization', 'Basic ' + 'so-user:so-password'.bytes.encodeBase64().toString())
check(Arrays.equals(back, png.bytes), 'GET .../Image must give the PNG back unchanged')
return true
