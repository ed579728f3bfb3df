package io.energywatch.anomaly.notifications;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends a notification as a plain-text e-mail through the SMTP server of {@code spring.mail.*}. */
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(n.target());
        message.setSubject(n.subject());
        message.setText(n.payload());
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new DeliveryException("SMTP: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
