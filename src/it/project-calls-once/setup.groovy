import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
dev.worklink.files.ImageTypeSamples.write(new File(basedir, 'icon.png').toPath(), 'png', 128, 128)
return true
