import static dev.worklink.it.ItSandbox.*

// one exchange, both jars intact, every CodeArts call signed with the temporary keys, no secret in log or reports
def log = checkOneFederatedTwoModuleBuild(sandboxPort, basedir)
check(log.contains('[DEBUG]'), 'the build must have run with -X')
check(log.contains("Credentials: temporary AK/SK from IAM identity federation (identity provider 'sandbox-idp'"), 'the log must say federation was used')
check(log.contains('configured by the environment variables HUAWEICLOUD_SDK_IDP_ID / HUAWEICLOUD_SDK_ID_TOKEN_FILE'), 'the log must name the source')
return true
