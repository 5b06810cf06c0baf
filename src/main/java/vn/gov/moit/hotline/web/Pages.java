package vn.gov.moit.hotline.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import vn.gov.moit.hotline.common.Languages;
import vn.gov.moit.hotline.common.Problem;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.security.CurrentUser;

/** What every page's frame needs: the user's language and texts, who is logged in, and the server's time. */
@ApplicationScoped
class Pages {

    /**
     * One page's frame data.
     *
     * @param serverNow the server clock in epoch milliseconds, so that the scripts count time left against
     *     the server's time and not the workstation's
     * @param today the hotline's current day (its zone), for "today" figures
     */
    public record Frame(String lang, String textsJson, String page, String username,
            boolean console, boolean desk, boolean board, boolean calls, boolean admin, String role, String department, long serverNow,
            LocalDate today, String zone) {

        /** The other language, for the switch. */
        public String otherLang() {
            return "vi".equals(lang) ? "en" : "vi";
        }
    }

    @Inject
    CurrentUser user;

    @Inject
    PageTexts texts;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    @Inject
    @Location("error")
    Template error;

    @Inject
    Languages languages;

    /**
     * A page in the request's language ({@link Languages#forPeople()}): its frame as {@code f}, and the locale
     * that chooses the language of its {@code page:} words ({@link PageMessages}).
     */
    TemplateInstance page(Template template, String page) {
        String language = languages.forPeople();
        return template.data("f", frame(language, page)).setLocale(Locale.forLanguageTag(language));
    }

    private Frame frame(String language, String page) {
        // An address no resource answers is refused on the event loop, where the identity cannot be read
        // without blocking: its error page is framed as for a visitor (its link home still leads the user on).
        boolean anonymous = Context.isOnEventLoopThread() || "anonymous".equals(user.username());
        return new Frame(language, texts.json(language), page,
                anonymous ? null : user.username(),
                !anonymous && mayUseConsole(), !anonymous && mayUseDesk(), !anonymous && mayUseBoard(),
                !anonymous && mayUseCallLog(), !anonymous && mayAdminister(), anonymous ? null : role(),
                anonymous ? null : user.departmentCode(), clock.millis(), LocalDate.ofInstant(clock.instant(), zone),
                zone.getId());
    }

    boolean mayUseConsole() {
        return user.has(Roles.OPERATOR) || user.has(Roles.SUPERVISOR);
    }

    boolean mayUseDesk() {
        return user.has(Roles.OFFICER) || user.has(Roles.LEADER);
    }

    /** The call log's API is open to these roles. */
    boolean mayUseCallLog() {
        return user.has(Roles.OPERATOR) || user.has(Roles.SUPERVISOR) || user.has(Roles.ADMIN);
    }

    boolean mayAdminister() {
        return user.has(Roles.ADMIN);
    }

    boolean mayUseBoard() {
        return user.has(Roles.SUPERVISOR) || user.has(Roles.LEADER) || user.has(Roles.ADMIN);
    }

    /** The page a user starts on after login. */
    String home() {
        if (user.has(Roles.OPERATOR)) {
            return "/console";
        }
        if (user.has(Roles.OFFICER) || user.has(Roles.LEADER)) {
            return "/desk";
        }
        return "/board";
    }

    /** The "not found" page of a ticket the user may not see, in the user's language. */
    TemplateInstance notFound() {
        return error(404, "error_not_found_text", List.of());
    }

    /**
     * An error page in the user's language: its title by the status, the text by its key (a {@code page:}
     * key), and the refused inputs.
     */
    TemplateInstance error(int status, String textKey, List<Problem.Violation> violations) {
        return page(error, "error").data("status", status).data("textKey", textKey).data("violations", violations);
    }

    private String role() {
        for (String r : new String[] {Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR, Roles.OFFICER, Roles.OPERATOR}) {
            if (user.has(r)) {
                return r;
            }
        }
        return null;
    }
}
