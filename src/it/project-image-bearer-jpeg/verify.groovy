import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def jpeg = new File(basedir, 'portrait.jpg')
def puts = records(sandboxPort).findAll { it.method == 'PUT' }
check(puts.size() == 1, "one PUT expected, got ${puts}")
def put = puts[0]
// the endpoint was written with /v1: it is normalized to .../api and the call adds /v1 once
check(put.path == '/Cust12345/api/v1/Project/42/Image', "wrong path ${put.path}")
check(put.status == 200, "the sandbox answered ${put.status}")
check(put.headers['content-type'] == 'image/jpeg', "Content-Type ${put.headers['content-type']}")
check(put.authenticatedAs == 'bearer:ready', "Bearer expected: ${put.authenticatedAs}")
check(put.headers['authorization'] == '***' && put.headers['so-apptoken'] == '***', 'Authorization and SO-AppToken sent, and masked in the record')
check(put.bodySha256 == sha256(jpeg.toPath()), 'the JPEG must go raw, byte for byte')

def item = new JsonSlurper().parse(new File(basedir, 'target/worklink/project-image.json')).items[0]
check(item.status == 'saved' && item.contentType == 'image/jpeg' && item.blobId instanceof Number, "report item ${item}")
def log = new File(basedir, 'build.log').text
check(log.contains("Credentials: Bearer access token from the server 'superoffice-bearer' in Maven settings, with SO-AppToken"), 'credentials line')
check(log.contains("as the image of Project 42: blob id ${item.blobId}."), 'the log must end with the blob id')

def back = superOfficeImage(sandboxPort, '/Cust12345/api/v1/Project/42/Image',
        'Authorization', 'Bearer sandbox-so-bearer-token-00000000000000000000', 'SO-AppToken', 'sandbox-so-app-token-0000000000000000')
check(Arrays.equals(back, jpeg.bytes), 'GET .../Image must give the JPEG back unchanged')
return true
