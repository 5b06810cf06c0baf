package vn.gov.moit.hotline.presence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.security.CurrentUser;

@Path("/api/presence")
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
@Tag(name = "Presence", description = "Operators in the queue: log in and out, pause with a reason, their states and figures")
class PresenceResource {

    record ActionRequest(@NotNull @Schema(examples = "PAUSE") PresenceService.Action action,
            @Size(max = 40) @Schema(examples = "break") String reason) {
    }

    @Inject
    PresenceService presence;

    @Inject
    PresenceConfig config;

    @Inject
    CurrentUser user;

    @Inject
    Feed feed;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Every operator: state (available, ringing, talking, wrap-up, paused with reason, "
            + "unavailable, logged out), time in state, calls answered and rings not answered today")
    public List<PresenceService.OperatorView> operators() {
        return presence.operators();
    }

    @GET
    @Path("/reasons")
    @Operation(summary = "The reasons an operator may pause for")
    public List<String> reasons() {
        return config.pauseReasons();
    }

    @POST
    @Path("/{username}")
    @Operation(summary = "Log an operator in to or out of the queue, pause them with a reason or resume (an operator "
            + "for themselves, a supervisor for anyone); 202 once Asterisk took the action, the state follows its "
            + "event; 503 when Asterisk cannot be reached")
    public Response act(@Parameter(description = "the operator, or \"me\"") @PathParam("username") String username,
            @Valid @NotNull ActionRequest body) {
        String who = "me".equals(username) ? user.username() : username;
        return Response.accepted(presence.act(who, body.action(), body.reason())).build();
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Per operator per day (or month): answered, average and longest handle time, pause time "
            + "by reason, rings not answered, time logged in")
    public Page<PresenceService.OperatorPeriod> statistics(
            @Parameter(description = "first day (hotline zone)", required = true) @QueryParam("from") LocalDate from,
            @Parameter(description = "last day, included; default from") @QueryParam("to") LocalDate to,
            @Parameter(description = "day (default) or month") @QueryParam("by") String by,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (by != null && !by.equals("day") && !by.equals("month")) {
            throw vn.gov.moit.hotline.common.DomainException.InvalidInput.because("by", "day-or-month");
        }
        List<PresenceService.OperatorPeriod> all = presence.statistics(from, to, "month".equals(by));
        PageRequest p = PageRequest.parse(page, size, null, java.util.Map.of("period", "period"), "period");
        int first = Math.min(all.size(), p.page() * p.size());
        return new Page<>(all.subList(first, Math.min(all.size(), first + p.size())), p.page(), p.size(), all.size());
    }

    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Server-sent events: the user name of each operator whose presence changed")
    public Multi<PresenceService.PresenceChanged> live() {
        return feed.stream();
    }

    /** The live feed of presence changes, published once committed. */
    @ApplicationScoped
    static class Feed {
        private final BroadcastProcessor<PresenceService.PresenceChanged> processor = BroadcastProcessor.create();

        void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceService.PresenceChanged change) {
            processor.onNext(change);
        }

        Multi<PresenceService.PresenceChanged> stream() {
            return processor.onOverflow().drop();
        }
    }
}
