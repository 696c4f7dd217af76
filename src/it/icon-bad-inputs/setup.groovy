import static dev.worklink.it.ItSandbox.*
import static dev.worklink.files.ImageTypeSamples.*

reset(sandboxPort)
def at = { String path -> new File(basedir, path).toPath() }
padTo(write(at('target/big/icon.png'), 'png', 128, 128), 513 * 1024)   // 1 KB over the documented 512 KB
write(at('target/gif/icon.png'), 'gif', 128, 128)                       // a GIF whatever its name
at('target/text').toFile().mkdirs()
new File(basedir, 'target/text/icon.png').text = 'this is not a PNG\n'
write(at('target/png-named-jpg/icon.jpg'), 'png', 64, 64)               // accepted, sent as image/png, with a size warning
return true
