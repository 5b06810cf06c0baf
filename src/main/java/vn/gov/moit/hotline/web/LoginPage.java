package vn.gov.moit.hotline.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import vn.gov.moit.hotline.common.Languages;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.gov.moit.hotline.security.CurrentUser;

/**
 * Logging in and out, the start page that sends each role to its page, and the language switch. The login
 * form posts to Quarkus' form authentication ({@code /j_security_check}), which checks the same users and
 * bcrypt hashes as HTTP Basic.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
class LoginPage {

    @Inject
    Template login;

    @Inject
    Pages pages;

    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response start() {
        return seeOther(anonymous() ? "/login" : pages.home());
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("error") boolean error,
            @QueryParam("loggedOut") boolean loggedOut, @QueryParam("throttled") String throttled) {
        if (!anonymous() && !error) {
            return seeOther(pages.home());
        }
        TemplateInstance page = pages.page(login, "login").data("error", error)
                .data("loggedOut", loggedOut).data("throttled", seconds(throttled));
        return Response.ok(page).build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(RoutingContext context) {
        if (!anonymous()) {
            // The session ends on the server (a copy of the cookie is refused from now on, on every instance),
            // and the cookie is removed.
            user.endSession();
            FormAuthenticationMechanism.logout(context);
        }
        return seeOther("/login?loggedOut=true");
    }

    @GET
    @Path("lang")
    @Operation(hidden = true)
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        String lang = Languages.offered(to, Languages.VIETNAMESE);
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(lang).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build();
        return Response.status(Response.Status.SEE_OTHER).header("Location", localPath(back)).cookie(cookie).build();
    }

    /** The wait shown after too many failed logins; nothing for anything but a small whole number. */
    private static Long seconds(String text) {
        return text != null && text.matches("\\d{1,6}") ? Long.valueOf(text) : null;
    }

    /**
     * Only a path on this site, as a valid relative address: anything else (another host, a scheme, a
     * character that is not allowed in an address) is ignored and the visitor goes to the start page.
     */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//")) {
            return "/";
        }
        try {
            URI uri = new URI(back);
            boolean onThisSite = uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/") && back.chars().allMatch(c -> c > 0x20 && c < 0x7f);
            return onThisSite ? back : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    private boolean anonymous() {
        return "anonymous".equals(user.username());
    }

    /** A relative Location, so that the address is never built from the request's Host header. */
    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }
}
