package vn.gov.moit.hotline.presence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.security.CurrentUser;
import vn.gov.moit.hotline.security.Users;
import vn.gov.moit.hotline.telephony.AnsweredCalls;
import vn.gov.moit.hotline.telephony.PbxActions;
import vn.gov.moit.hotline.telephony.QueueMemberEvent;
import vn.gov.moit.hotline.telephony.QueueMembers;

/**
 * The operators' presence in the queue: what they ask (log in, log out, pause with a reason, resume) goes to
 * Asterisk as QueueAdd, QueueRemove and QueuePause; what Asterisk then says (the member events) sets their state
 * here and keeps the intervals in the queue and paused, with the reason, which Asterisk forgets on unpause.
 * The only writer of {@link OperatorPresence} and {@link PresenceInterval}.
 */
@ApplicationScoped
public class PresenceService {

    /** What an operator (or a supervisor for them) asks of the queue. */
    public enum Action {
        LOGIN, LOGOUT, PAUSE, RESUME
    }

    /** One operator as the board and the console show them. */
    public record OperatorView(String username, String displayName, String extension, PresenceState state,
            String pauseReason, Instant since, long secondsInState, boolean longPause, long answeredToday,
            long ringsNotAnsweredToday) {
    }

    /** Fired inside the transaction that changed an operator's presence; the live feed sends it once committed. */
    public record PresenceChanged(String username) {
    }

    /** One operator's figures for one day or month. */
    public record OperatorPeriod(String username, String period, long answered, Long averageHandleSeconds,
            Integer longestHandleSeconds, Map<String, Long> pauseSecondsByReason, long pauseSeconds,
            long ringsNotAnswered, long loggedInSeconds) {
    }

    private static final int MAX_STATISTICS_DAYS = 366;

    @Inject
    PresenceConfig config;

    @Inject
    PbxActions pbx;

    @Inject
    Users users;

    @Inject
    CurrentUser user;

    @Inject
    AnsweredCalls answered;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    @Inject
    Event<PresenceChanged> changed;

    /**
     * Sends the operator's request to Asterisk; their state changes when Asterisk's member event comes. An
     * operator acts only for themselves, a supervisor for anyone.
     */
    @Transactional
    public OperatorView act(String username, Action action, String reason) {
        if (!username.equals(user.username()) && !user.has(Roles.SUPERVISOR)) {
            throw new DomainException.NotAllowed("Only a supervisor may change another operator's presence");
        }
        var operator = users.get(username);
        String extension = operator.extension();
        if (extension == null || extension.isBlank()) {
            throw new DomainException.Conflict("no-extension", username
                    + " has no phone extension to be in the queue with; an administrator can register one");
        }
        String iface = expand(config.memberInterface(), extension);
        OperatorPresence p = presenceOf(username, iface);
        switch (action) {
            case LOGIN -> pbx.queueAdd(config.queue(), iface, expand(config.memberName(), extension),
                    expand(config.stateInterface(), extension));
            case LOGOUT -> pbx.queueRemove(config.queue(), iface);
            case PAUSE -> {
                if (reason == null || !config.pauseReasons().contains(reason)) {
                    throw DomainException.InvalidInput.because("reason", "pause-reason",
                            String.join(", ", config.pauseReasons()));
                }
                requireInQueue(p);
                p.requestedReason = reason;
                OperatorPresence.flush();
                pbx.queuePause(config.queue(), iface, true, reason);
            }
            case RESUME -> {
                requireInQueue(p);
                pbx.queuePause(config.queue(), iface, false, null);
            }
        }
        return view(p, operator.displayName(), extension, clock.instant(), Map.of(), Map.of());
    }

    private static void requireInQueue(OperatorPresence p) {
        if (!p.inQueue()) {
            throw new DomainException.Conflict("not-in-queue", p.username + " is not logged in to the queue");
        }
    }

    private OperatorPresence presenceOf(String username, String iface) {
        OperatorPresence p = OperatorPresence.findById(username);
        if (p == null) {
            p = OperatorPresence.loggedOut(username, iface, clock.instant());
            p.persist();
        }
        return p;
    }

    /** A member event of the hotline queue, in the transaction {@link QueueMembers} opened for it. */
    void memberChanged(@Observes QueueMembers.MemberChanged change) {
        String who = change.operatorUsername();
        QueueMemberEvent event = change.event();
        Instant at = event.at();
        OperatorPresence p = presenceOf(who, event.memberInterface());
        p.memberInterface = event.memberInterface();
        boolean moved;
        if (event instanceof QueueMemberEvent.Added e) {
            moved = joined(p, at);
            if (e.paused()) {
                moved |= paused(p, e.pausedReason(), at);
            }
        } else if (event instanceof QueueMemberEvent.Removed) {
            PresenceInterval.close(who, PresenceInterval.Kind.PAUSED, at);
            PresenceInterval.close(who, PresenceInterval.Kind.LOGGED_IN, at);
            moved = p.moveTo(PresenceState.LOGGED_OUT, null, at);
        } else if (event instanceof QueueMemberEvent.Paused e) {
            moved = joined(p, at) | (e.paused() ? paused(p, e.pausedReason(), at) : resumed(p, at));
        } else if (event instanceof QueueMemberEvent.Status e) {
            // A static member (queues.conf) is in the queue without ever being added.
            moved = joined(p, at);
            if (e.paused() != (p.state == PresenceState.PAUSED) && !talking(e)) {
                moved |= e.paused() ? paused(p, e.pausedReason(), at) : resumed(p, at);
            }
            moved |= device(p, e, at);
        } else if (event instanceof QueueMemberEvent.RingNoAnswer) {
            PresenceInterval.open(who, PresenceInterval.Kind.RING_NO_ANSWER, null, at);
            moved = p.state == PresenceState.RINGING && p.moveTo(PresenceState.AVAILABLE, null, at);
        } else {
            moved = false;
        }
        if (moved || event instanceof QueueMemberEvent.RingNoAnswer) {
            changed.fire(new PresenceChanged(who));
        }
    }

    private static boolean joined(OperatorPresence p, Instant at) {
        if (p.inQueue()) {
            return false;
        }
        PresenceInterval.open(p.username, PresenceInterval.Kind.LOGGED_IN, null, at);
        return p.moveTo(PresenceState.AVAILABLE, null, at);
    }

    private static boolean paused(OperatorPresence p, String given, Instant at) {
        String reason = given != null && !given.isBlank() ? given
                : p.requestedReason != null ? p.requestedReason : "unspecified";
        p.requestedReason = null;
        PresenceInterval open = PresenceInterval.openOf(p.username, PresenceInterval.Kind.PAUSED);
        if (open != null && !reason.equals(open.reason)) {
            PresenceInterval.close(p.username, PresenceInterval.Kind.PAUSED, at);
        }
        PresenceInterval.open(p.username, PresenceInterval.Kind.PAUSED, reason, at);
        return p.moveTo(PresenceState.PAUSED, reason, at);
    }

    private static boolean resumed(OperatorPresence p, Instant at) {
        PresenceInterval.close(p.username, PresenceInterval.Kind.PAUSED, at);
        return p.state == PresenceState.PAUSED && p.moveTo(PresenceState.AVAILABLE, null, at);
    }

    private static boolean talking(QueueMemberEvent.Status e) {
        return e.inCall() || e.status() == 2 || e.status() == 3 || e.status() == 8;
    }

    /** The member's device: ringing, on a call, free again (after the wrap-up), or not reachable. */
    private static boolean device(OperatorPresence p, QueueMemberEvent.Status e, Instant at) {
        PresenceState to;
        if (talking(e)) {
            to = PresenceState.TALKING;
        } else if (e.status() == 6 || e.status() == 7) {
            to = PresenceState.RINGING;
        } else if (e.status() == 4 || e.status() == 5) {
            to = PresenceState.UNAVAILABLE;
        } else if (p.state == PresenceState.PAUSED) {
            return false;
        } else if (p.state == PresenceState.TALKING && e.wrapupSeconds() > 0) {
            boolean moved = p.moveTo(PresenceState.WRAP_UP, null, at);
            p.wrapupUntil = at.plusSeconds(e.wrapupSeconds());
            return moved;
        } else if (p.state == PresenceState.WRAP_UP) {
            return false;
        } else {
            to = PresenceState.AVAILABLE;
        }
        if (p.state == PresenceState.PAUSED && to != PresenceState.TALKING) {
            return false;
        }
        return p.moveTo(to, p.pauseReason, at);
    }

    /** Every operator with an extension, by user name, with their state now and today's counts. */
    public List<OperatorView> operators() {
        Instant now = clock.instant();
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Map<String, Long> answeredToday = answered.between(startOfDay, now.plusSeconds(1)).stream()
                .collect(Collectors.groupingBy(AnsweredCalls.Answered::operatorUsername, Collectors.counting()));
        Map<String, Long> rings = PresenceInterval.<PresenceInterval>list("kind = ?1 and startedAt >= ?2",
                PresenceInterval.Kind.RING_NO_ANSWER, startOfDay).stream()
                .collect(Collectors.groupingBy(i -> i.username, Collectors.counting()));
        Map<String, OperatorPresence> presence = OperatorPresence.<OperatorPresence>listAll().stream()
                .collect(Collectors.toMap(p -> p.username, Function.identity()));
        List<OperatorView> out = new ArrayList<>();
        for (var u : users.list()) {
            if (u.extension() == null || u.extension().isBlank() || !Roles.OPERATOR.equals(u.role())) {
                continue;
            }
            OperatorPresence p = presence.get(u.username());
            if (p == null) {
                p = OperatorPresence.loggedOut(u.username(), expand(config.memberInterface(), u.extension()), now);
                p.stateSince = null;
            }
            out.add(view(p, u.displayName(), u.extension(), now, answeredToday, rings));
        }
        out.sort(Comparator.comparing(OperatorView::username));
        return out;
    }

    private OperatorView view(OperatorPresence p, String displayName, String extension, Instant now,
            Map<String, Long> answeredToday, Map<String, Long> rings) {
        PresenceState state = p.stateAt(now);
        Instant since = p.sinceAt(now);
        long seconds = since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
        return new OperatorView(p.username, displayName, extension, state, p.pauseReason, since, seconds,
                state == PresenceState.PAUSED && seconds >= config.longPauseMinutes() * 60L,
                answeredToday.getOrDefault(p.username, 0L), rings.getOrDefault(p.username, 0L));
    }

    /**
     * Each operator's figures per day (or per month) from {@code from} to {@code to}, both included, in the
     * hotline's zone: calls answered, average and longest handle time (Asterisk's talk time), pause time by
     * reason, rings not answered, time logged in. Open intervals count up to now.
     */
    public List<OperatorPeriod> statistics(LocalDate from, LocalDate to, boolean byMonth) {
        if (from == null) {
            throw DomainException.InvalidInput.because("from", "required");
        }
        LocalDate last = to == null ? from : to;
        if (last.isBefore(from)) {
            throw DomainException.InvalidInput.because("to", "to-before-from");
        }
        if (Duration.between(from.atStartOfDay(), last.atStartOfDay()).toDays() >= MAX_STATISTICS_DAYS) {
            throw DomainException.InvalidInput.because("to", "range-too-long", MAX_STATISTICS_DAYS);
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Map<String, Map<String, Acc>> acc = new TreeMap<>();
        Function<Instant, String> periodOf = at -> {
            LocalDate d = LocalDate.ofInstant(at, zone);
            return byMonth ? d.toString().substring(0, 7) : d.toString();
        };
        for (AnsweredCalls.Answered a : answered.between(start, end)) {
            Acc x = acc.computeIfAbsent(a.operatorUsername(), k -> new TreeMap<>())
                    .computeIfAbsent(periodOf.apply(a.answeredAt()), k -> new Acc());
            x.answered++;
            if (a.talkSeconds() != null) {
                x.handled++;
                x.handleTotal += a.talkSeconds();
                x.longest = Math.max(x.longest == null ? 0 : x.longest, a.talkSeconds());
            }
        }
        List<PresenceInterval> intervals = PresenceInterval.list(
                "startedAt < ?1 and (endedAt is null or endedAt > ?2 or kind = ?3)", end, start,
                PresenceInterval.Kind.RING_NO_ANSWER);
        for (PresenceInterval i : intervals) {
            if (i.kind == PresenceInterval.Kind.RING_NO_ANSWER) {
                if (!i.startedAt.isBefore(start)) {
                    acc.computeIfAbsent(i.username, k -> new TreeMap<>())
                            .computeIfAbsent(periodOf.apply(i.startedAt), k -> new Acc()).rings++;
                }
                continue;
            }
            Instant s = i.startedAt.isBefore(start) ? start : i.startedAt;
            Instant e = i.endedAt == null ? (now.isBefore(end) ? now : end) : (i.endedAt.isAfter(end) ? end : i.endedAt);
            // Split at each day's (or month's) first instant.
            while (s.isBefore(e)) {
                LocalDate d = LocalDate.ofInstant(s, zone);
                LocalDate next = byMonth ? d.withDayOfMonth(1).plusMonths(1) : d.plusDays(1);
                Instant boundary = next.atStartOfDay(zone).toInstant();
                Instant upTo = boundary.isBefore(e) ? boundary : e;
                long secs = Duration.between(s, upTo).toSeconds();
                Acc x = acc.computeIfAbsent(i.username, k -> new TreeMap<>())
                        .computeIfAbsent(periodOf.apply(s), k -> new Acc());
                if (i.kind == PresenceInterval.Kind.PAUSED) {
                    x.pauses.merge(i.reason == null ? "unspecified" : i.reason, secs, Long::sum);
                } else {
                    x.loggedIn += secs;
                }
                s = upTo;
            }
        }
        List<OperatorPeriod> out = new ArrayList<>();
        acc.forEach((who, periods) -> periods.forEach((period, x) -> out.add(new OperatorPeriod(who, period,
                x.answered, x.handled == 0 ? null : Math.round((double) x.handleTotal / x.handled), x.longest,
                new TreeMap<>(x.pauses), x.pauses.values().stream().mapToLong(Long::longValue).sum(), x.rings,
                x.loggedIn))));
        return out;
    }

    private static final class Acc {
        long answered;
        long handled;
        long handleTotal;
        Integer longest;
        long rings;
        long loggedIn;
        final Map<String, Long> pauses = new HashMap<>();
    }

    private static String expand(String template, String extension) {
        return template.replace("{extension}", extension);
    }
}
