package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.ChannelKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail over SMTP (Jakarta Mail through Spring's {@link JavaMailSenderImpl}) to the channel's {@code host} and
 * {@code port}, from {@code from} to {@code to} (comma-separated), with STARTTLS unless {@code startTls} is
 * {@code false} and the SMTP password (the secret) when a {@code username} is set. Every attempt of one delivery
 * carries the same {@code Message-ID}.
 */
final class EmailTransport implements ChannelTransport {

    private final Duration timeout;

    EmailTransport(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void send(ChannelConfig channel, OutgoingAlert alert) throws DeliveryFailure {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(channel.setting("host"));
        sender.setPort(Integer.parseInt(channel.setting("port", "587")));
        String username = channel.setting("username");
        if (username != null && !username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(channel.secret());
        }
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        boolean startTls = !"false".equalsIgnoreCase(channel.setting("startTls", "true"));
        properties.put("mail.smtp.auth", String.valueOf(username != null && !username.isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
        String messageId = "<" + alert.idempotencyKey() + "@tradepilot>";
        try {
            MimeMessage message = new MimeMessage(sender.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(channel.setting("from"), true));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(channel.setting("to"), true));
            message.setSubject(alert.subject(), StandardCharsets.UTF_8.name());
            message.setText(alert.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(alert.raisedAt()));
            message.setHeader("X-Tradepilot-Severity", alert.severity().name());
            sender.send(message);
        } catch (MessagingException e) {
            throw new DeliveryFailure("the mail could not be composed: " + DeliveryFailure.scrubbed(e.getMessage(), channel.secret()), true);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure("the SMTP server refused the sign-in", true);
        } catch (MailException e) {
            throw new DeliveryFailure("the SMTP server did not take the mail: " + e.getClass().getSimpleName() + " "
                    + DeliveryFailure.scrubbed(e.getMessage(), channel.secret()), false);
        }
    }
}
