import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def tiff = new File(basedir, 'portrait.tiff')
def puts = records(sandboxPort).findAll { it.method == 'PUT' }
check(puts.size() == 1, "one PUT expected, got ${puts}")
def put = puts[0]
check(put.path == '/Cust12345/api/v1/Person/2147483647/Image', "the largest 32-bit id, on a Person: ${put.path}")
check(put.status == 200 && put.headers['content-type'] == 'image/tiff', "PUT ${put}")
check(put.authenticatedAs == 'soticket:ready' && put.headers['so-apptoken'] == '***', "SOTicket with SO-AppToken expected: ${put}")
check(put.bodySha256 == sha256(tiff.toPath()), 'the TIFF must go raw, byte for byte')

def item = new JsonSlurper().parse(new File(basedir, 'target/worklink/project-image.json')).items[0]
check(item.status == 'saved' && item.entity == 'Person' && item.id == 2147483647 && item.contentType == 'image/tiff', "report item ${item}")
check(new File(basedir, 'build.log').text.contains("as the image of Person 2147483647: blob id ${item.blobId}."), 'the log must end with the blob id')

def back = superOfficeImage(sandboxPort, '/Cust12345/api/v1/Person/2147483647/Image',
        'Authorization', 'SOTicket 7T:c2FuZGJveC1zby10aWNrZXQtMDAwMDAw', 'SO-AppToken', 'sandbox-so-app-token-0000000000000000')
check(Arrays.equals(back, tiff.bytes), 'GET .../Image must give the TIFF back unchanged')
return true
