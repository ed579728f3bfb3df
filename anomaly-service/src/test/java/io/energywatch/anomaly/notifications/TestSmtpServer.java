package io.energywatch.anomaly.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Arrays;
import java.util.List;

/**
 * GreenMail as the SMTP server of the shared application context (one per test JVM, on a free port), and the
 * webhook secret the integration tests sign with.
 */
public final class TestSmtpServer {

    static final String WEBHOOK_SECRET_REF = "it";
    static final String WEBHOOK_SECRET = "integration-test-webhook-secret";

    private static GreenMail smtp;

    private TestSmtpServer() {
    }

    static synchronized GreenMail shared() {
        if (smtp == null) {
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        }
        return smtp;
    }

    /** The e-mails the shared server received for {@code address}. */
    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(shared().getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Points {@code spring.mail.*} at the shared GreenMail and configures the tests' webhook secret. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> shared().getSmtp().getPort());
        registry.add("energywatch.anomaly.notifications.webhook.secrets." + WEBHOOK_SECRET_REF, () -> WEBHOOK_SECRET);
        registry.add("energywatch.anomaly.notifications.dispatch-interval", () -> "200ms");
    }
}
