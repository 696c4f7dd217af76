import static dev.worklink.it.ItSandbox.*

def links = recordsTo(sandboxPort, '/f29c3f16d5f54cbab5e167ef9eed3baf/issue')
check(links.size() == 1, "the plan is linked once in the build: ${links.size()} calls")
def thumbnails = records(sandboxPort).findAll { it.method == 'PUT' && it.path.endsWith('/img') }
check(thumbnails.size() == 1, "the thumbnail is set once: ${thumbnails.size()} calls")
def icons = recordsTo(sandboxPort, '/common/upload-plugin-icon')
check(icons.size() == 1, "the icon is uploaded once: ${icons.size()} calls")
def log = new File(basedir, 'build.log').text
['link', 'thumbnail', 'icon'].each { goal ->
    check(log.count("worklink:${goal}: ") >= 4, "every module reaches ${goal}")
}
check(log.count('was done by module project-calls-once in this build') == 9, 'a, b and c each say, for each of the three calls, where it was made')
return true
