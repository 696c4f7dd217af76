import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
dev.worklink.files.ImageTypeSamples.write(new File(basedir, 'src/site/plan-cover.jpg').toPath(), 'jpeg', 320, 180)
return true
