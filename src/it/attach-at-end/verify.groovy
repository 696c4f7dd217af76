import static dev.worklink.it.ItSandbox.*

// three uploads to one work item, each jar intact; each module's own report; one IAM call; one upload phase, after the last build
checkThreeModulesAttachedAtEnd(sandboxPort, basedir)
return true
