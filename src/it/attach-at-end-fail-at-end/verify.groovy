import static dev.worklink.it.ItSandbox.*

check(recordsTo(sandboxPort, '/attachments/upload').isEmpty(), 'nothing may be uploaded when a module of the build failed')
def log = new File(basedir, 'build.log').text
check(log.contains('[WARNING] attachAtEnd: the files of 2 module(s) were held back and NOT uploaded, because module(s) module-b failed'),
        'a warning says the files were held back, and why')
check(log.contains('  - attach-at-end-fail-at-end: 0 file(s)') && log.contains('  - module-a: 1 file(s)'), 'the warning names each held-back module')
check(!log.contains('attachAtEnd: this is the last module'), 'no upload phase')
check(log.contains('BUILD FAILURE'), 'the build fails')
return true
