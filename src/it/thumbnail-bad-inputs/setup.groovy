import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
dev.worklink.files.ImageTypeSamples.write(new File(basedir, 'thumb.png').toPath(), 'png', 64, 64)
dev.worklink.files.ImageTypeSamples.write(new File(basedir, 'photo.png').toPath(), 'bmp', 64, 64)
return true
