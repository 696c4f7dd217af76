package dev.worklink.mojo;

import dev.worklink.codearts.AttachmentPublisher;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import java.net.URI;
import java.nio.file.Path;

/**
 * One module's checked attachments, ready to upload now or, with attachAtEnd, by the last module. What it carries
 * stays the module's own wherever it is uploaded: its failOnError decides what its failures do, and its outcomes go
 * to its own report.
 */
record PendingAttach(String module, URI endpoint, ServiceClient client, RequestAuthenticator auth, AttachmentPublisher.Plan plan,
        boolean failOnError, Path report) {}
