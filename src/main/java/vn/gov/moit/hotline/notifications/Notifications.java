package vn.gov.moit.hotline.notifications;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.directory.Directory;
import vn.gov.moit.hotline.escalation.EscalationConfig;
import vn.gov.moit.hotline.escalation.EscalationNotice;
import vn.gov.moit.hotline.security.Users;
import vn.gov.moit.hotline.security.Users.Recipient;

/**
 * Who is told what, and the writing of it to the outbox ({@link Notification}), in the transaction of the change
 * that causes it: a change rolled back tells no one, a change committed is told even if the SMTP server is down.
 *
 * <ul>
 *   <li>escalated or forwarded to a department, and each reminder before its deadline: the department's officers
 *       and its mailbox;</li>
 *   <li>deadline passed: the department's head and the supervisors;</li>
 *   <li>raised to the leaders (by hand, or by the deadline watch): the leaders;</li>
 *   <li>answered: the operator who escalated it, to call the caller back and close.</li>
 * </ul>
 * Only users with an e-mail address are told, each in their language (a mailbox in Vietnamese). The message
 * names the ticket by its reference and links to its page; it never carries the caller's number or name.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy", Locale.ROOT);

    @Inject
    NotificationConfig config;

    @Inject
    EscalationConfig escalation;

    @Inject
    Users users;

    @Inject
    Directory directory;

    @Inject
    Engine engine;

    void on(@Observes EscalationNotice notice) {
        if (!config.enabled()) {
            return;
        }
        Map<String, Recipient> to = new LinkedHashMap<>();
        switch (notice.kind()) {
            case ESCALATED, REMINDER -> {
                users.recipients(Roles.OFFICER, notice.departmentCode()).forEach(r -> add(to, r));
                Directory.Contacts contacts = directory.contactsOf(notice.departmentCode());
                if (contacts.mailbox() != null) {
                    add(to, new Recipient(null, notice.departmentCode(), contacts.mailbox(), "vi"));
                }
            }
            case BREACHED -> {
                Directory.Contacts contacts = directory.contactsOf(notice.departmentCode());
                Optional.ofNullable(contacts.headUsername()).flatMap(users::recipient).ifPresent(r -> add(to, r));
                users.recipients(Roles.SUPERVISOR, null).forEach(r -> add(to, r));
            }
            case RAISED -> users.recipients(Roles.LEADER, null).forEach(r -> add(to, r));
            case ANSWERED -> users.recipient(notice.escalatedBy()).ifPresent(r -> add(to, r));
        }
        for (Recipient r : to.values()) {
            write(notice, r);
        }
    }

    private static void add(Map<String, Recipient> to, Recipient r) {
        to.putIfAbsent(r.email().toLowerCase(Locale.ROOT), r);
    }

    private void write(EscalationNotice notice, Recipient r) {
        String key = notice.kind() + ":" + notice.escalationId() + ":" + notice.level() + ":"
                + r.email().toLowerCase(Locale.ROOT);
        // One event is told once per recipient (the unique key is the database's guard against a second writer).
        if (Notification.count("idempotencyKey", key) > 0) {
            LOG.debugf("Notification %s already written", key);
            return;
        }
        String language = "en".equals(r.language()) ? "en" : "vi";
        String text = render(notice, r, language);
        int split = text.indexOf('\n');
        Notification n = new Notification();
        n.idempotencyKey = key;
        n.kind = notice.kind().name();
        n.ticketId = notice.ticketId();
        n.recipient = r.email();
        n.subject = text.substring(0, split).trim();
        n.body = text.substring(split + 1).strip() + "\n";
        n.state = Notification.State.PENDING;
        n.createdAt = notice.at();
        n.nextTryAt = notice.at();
        n.persist();
    }

    /** The message's text: its first line is the subject, the rest the body. */
    private String render(EscalationNotice notice, Recipient r, String language) {
        Template template = engine.getTemplate("mail/" + notice.kind().name().toLowerCase(Locale.ROOT) + "_" + language);
        String department = directory.departments().stream().filter(d -> d.code().equals(notice.departmentCode()))
                .map(d -> "en".equals(language) ? d.nameEn() : d.nameVi()).findFirst().orElse(notice.departmentCode());
        return template.data("n", notice)
                .data("recipient", r.displayName())
                .data("department", department)
                .data("deadline", notice.deadline().atZone(escalation.zone()).format(TIME))
                .data("link", config.baseUrl().replaceAll("/+$", "") + "/tickets/" + notice.ticketId())
                .render();
    }
}
