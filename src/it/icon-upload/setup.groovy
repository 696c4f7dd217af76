import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// the goal's default icon path, 128 × 128 as recommended
dev.worklink.files.ImageTypeSamples.write(new File(basedir, 'src/main/extension/icon.png').toPath(), 'png', 128, 128)
return true
