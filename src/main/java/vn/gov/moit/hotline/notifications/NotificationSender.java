package vn.gov.moit.hotline.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends the outbox: every {@code hotline.notifications.send-every}, on every instance, takes batches of
 * {@code batch-size} messages due until none is left, each by one conditional update (so of several instances one takes it), sends
 * them over SMTP ({@code quarkus.mailer.*}) and marks them sent. A try that fails is tried again later with a
 * doubling wait; a permanent refusal (SMTP 5xx: no such mailbox) or the last try marks it failed, for
 * administrators ({@code GET /api/admin/notifications?state=FAILED}).
 *
 * <p>An instance that dies holding messages is relieved of them after {@code claim-for}: they are sent by the
 * next look. Between the SMTP server's "250 OK" and the commit of "sent" a crash can make a message go twice; its
 * {@code Message-ID} is the same both times (from its idempotency key), so mail clients show it once.
 */
@Singleton
class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    @Inject
    NotificationConfig config;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Clock clock;

    private final String me = "sender-" + UUID.randomUUID();
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile boolean stopping;

    @Inject
    NotificationSender(MeterRegistry registry) {
        sent = registry.counter("hotline.notifications.sent");
        retried = registry.counter("hotline.notifications.retried");
        failed = registry.counter("hotline.notifications.failed");
        Gauge.builder("hotline.notifications.pending", pending, AtomicLong::get)
                .description("messages in the outbox not yet sent").register(registry);
        Gauge.builder("hotline.notifications.oldest.pending.age", oldestAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("how long the oldest unsent message has waited").register(registry);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "notification-sender", every = "${hotline.notifications.send-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (stopping) {
            return;
        }
        try {
            // A full batch means more may be due: go on until the outbox has no more, so a backlog drains at the
            // SMTP server's pace rather than one batch per look.
            while (sendDue() == config.batchSize() && !stopping) {
                LOG.debug("Outbox: a full batch sent, looking again");
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sending the outbox failed; the next look tries again");
        }
    }

    /**
     * One batch from the outbox: claimed in one transaction, sent at once over the mailer's pooled connections,
     * the outcomes written in one transaction; returns how many messages were claimed.
     */
    int sendDue() {
        Instant now = clock.instant();
        List<Notification> taken = QuarkusTransaction.requiringNew().call(() -> claim(now));
        if (taken.isEmpty()) {
            QuarkusTransaction.requiringNew().run(this::measure);
            return 0;
        }
        List<CompletableFuture<Void>> sends = taken.stream().map(n -> mailer.send(Mail.withText(n.recipient, n.subject, n.body)
                .addHeader("Message-ID", "<" + digest(n.idempotencyKey) + "@hotline.moit>"))
                .subscribeAsCompletionStage().toCompletableFuture()).toList();
        Map<Long, Throwable> failures = new HashMap<>();
        for (int i = 0; i < taken.size(); i++) {
            try {
                sends.get(i).get(config.claimFor().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                failures.put(taken.get(i).id, e.getCause());
            } catch (TimeoutException e) {
                failures.put(taken.get(i).id, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(taken.get(i).id, e);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Notification n : taken) {
                Throwable failure = failures.get(n.id);
                if (failure == null) {
                    markSent(n.id);
                } else {
                    markFailedTry(n.id, failure);
                }
            }
            measure();
        });
        sent.increment(taken.size() - failures.size());
        return taken.size();
    }

    private List<Notification> claim(Instant now) {
        List<Long> due = Notification.<Notification>find(
                "state = ?1 and nextTryAt <= ?2 and (claimedUntil is null or claimedUntil < ?2) order by nextTryAt, id",
                Notification.State.PENDING, now).page(0, config.batchSize()).list().stream().map(n -> n.id).toList();
        Notification.getEntityManager().clear();
        Instant until = now.plus(config.claimFor());
        List<Long> claimed = due.stream().filter(id -> Notification.update("claimedBy = ?1, claimedUntil = ?2,"
                + " version = version + 1 where id = ?3 and state = ?4 and (claimedUntil is null or claimedUntil < ?5)",
                me, until, id, Notification.State.PENDING, now) == 1).toList();
        return claimed.isEmpty() ? List.of() : Notification.list("id in ?1 order by id", claimed);
    }

    private void markSent(long id) {
        Notification n = Notification.findById(id);
        n.state = Notification.State.SENT;
        n.sentAt = clock.instant();
        n.attempts++;
        n.claimedBy = null;
        n.claimedUntil = null;
        n.lastError = null;
    }

    private void markFailedTry(long id, Throwable e) {
        Notification n = Notification.findById(id);
        n.attempts++;
        n.claimedBy = null;
        n.claimedUntil = null;
        SMTPException smtp = smtpCause(e);
        String why = smtp != null ? "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage() : String.valueOf(e.getMessage());
        n.lastError = why.length() > 500 ? why.substring(0, 500) : why;
        if ((smtp != null && smtp.isPermanent()) || n.attempts >= config.maxAttempts()) {
            n.state = Notification.State.FAILED;
            failed.increment();
            LOG.errorf("Notification %d to %s failed for good after %d tries: %s", n.id, n.recipient, n.attempts, why);
            return;
        }
        Duration wait = config.retryMin().multipliedBy(1L << Math.min(20, n.attempts - 1));
        if (wait.compareTo(config.retryMax()) > 0) {
            wait = config.retryMax();
        }
        n.nextTryAt = clock.instant().plus(wait);
        retried.increment();
        LOG.warnf("Notification %d to %s not sent (%s); trying again in %s", n.id, n.recipient, why, wait);
    }

    private void measure() {
        pending.set(Notification.count("state", Notification.State.PENDING));
        Instant oldest = Notification.<Notification>find("state = ?1 order by createdAt", Notification.State.PENDING)
                .firstResultOptional().map(n -> n.createdAt).orElse(null);
        oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException s) {
                return s;
            }
        }
        return null;
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
