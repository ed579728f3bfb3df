package io.energywatch.service.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers (a request it refuses before any filter runs, such as a malformed request line, an
 * encoded slash or a request line longer than its header buffer) as problem+json instead of Tomcat's HTML report;
 * installed in every service and the gateway by {@link ProblemTomcatAutoConfiguration}.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String title = ProblemWriter.titleOf(status);
        String body = new String(ProblemWriter.body(status, ProblemWriter.typeOf(status), title,
                "The request was refused before it reached the API: " + title, Map.of()), StandardCharsets.UTF_8);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer has started: nothing more can be said.
        }
    }
}
