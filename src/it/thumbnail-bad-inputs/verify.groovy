import static dev.worklink.it.ItSandbox.*

def project = '919bb351ef424e2daaf3dd80c179fae9'
def rule = "must be the url of an image uploaded to project ${project}, as the image upload returns it: /v1/upload/${project}/<yyyyMM>/<letters and digits>.<extension> (doc: /v1/upload/%s/\\d{6}/[a-zA-Z0-9]+.[a-zA-Z])"
def log = new File(basedir, 'build.log').text
[
    "parameter imageUrl (worklink.thumbnail.imageUrl) = '/v1/upload/0792b7d26cb74bd799cbae80063dc74a/202506/1749730526922581391.png': ${rule}",
    "parameter imageUrl (worklink.thumbnail.imageUrl) = '/v1/upload/${project}/2025/thumb.png': ${rule}",
    "parameters imageUrl (worklink.thumbnail.imageUrl) = '/v1/upload/${project}/202506/1749730526922581391.png' and image (worklink.thumbnail.image) = '${new File(basedir, 'thumb.png').toPath().toAbsolutePath().normalize()}' are both set: set exactly one of them",
    "parameters imageUrl (worklink.thumbnail.imageUrl) and image (worklink.thumbnail.image) are both unset: set exactly one of them: imageUrl for an image already uploaded to the project, or image for a local PNG, JPEG or GIF file to upload first",
    "parameter planId (worklink.planId) is not set: is required; must be the plan's id: 1 to 64 letters, digits, '-' or '_'",
    "parameter image (worklink.thumbnail.image) = '${new File(basedir, 'photo.png').toPath().toAbsolutePath().normalize()}': must be a PNG, JPEG or GIF image by its content (the file name does not count), but it is a BMP image",
].each { expected ->
    check(log.contains(expected.toString()), "the log lacks: ${expected}")
}
check(log.count('[ERROR] Nothing was sent.') == 6, 'each failure must say nothing was sent')
check(records(sandboxPort).isEmpty(), "bad inputs must fail before any request, but the sandbox received ${records(sandboxPort)}")
return true
