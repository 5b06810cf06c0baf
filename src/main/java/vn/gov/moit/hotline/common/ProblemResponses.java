package vn.gov.moit.hotline.common;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the OpenAPI document say which error answers each operation can give, each with the
 * {@code application/problem+json} body every error has ({@link Problem}): 400 where it takes parameters or a
 * body, 401 and 403 where it needs a role, 404 where its address names a record, 409 where it changes one,
 * 413 and 415 where it reads a body. Registered as {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                describeErrors(path.getKey(), op.getKey(), op.getValue());
            }
        }
    }

    private static void describeErrors(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean body = op.getRequestBody() != null;
        boolean parameters = op.getParameters() != null && !op.getParameters().isEmpty();
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean changes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        Map<String, String> errors = new TreeMap<>();
        if (body || parameters) {
            errors.put("400", "Invalid input: the problem's violations name each field or parameter and why");
        }
        if (secured) {
            errors.put("401", "Not logged in, or wrong credentials (or too many failed logins)");
            errors.put("403", "The user's role may not do this");
        }
        if (path.contains("{")) {
            errors.put("404", "No such record, or one the user may not see");
        }
        if (changes && secured) {
            errors.put("409", "Conflict: a stale version, a move the record's state does not allow, or a duplicate");
        }
        if (body) {
            errors.put("413", "The request body is too large");
            errors.put("415", "The body's content type is not one this operation reads");
        }
        errors.forEach((code, description) -> {
            APIResponse existing = responses.getAPIResponse(code);
            APIResponse response = existing != null ? existing : OASFactory.createAPIResponse().description(description);
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            responses.addAPIResponse(code, response);
        });
        if (responses.getAPIResponses() == null || responses.getAPIResponses().keySet().stream().noneMatch(c -> c.startsWith("2"))) {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(java.util.List.of("callerNumber")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(java.util.List.of("callerNumber is not a telephone number: 12ab")));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; violations name each rejected field")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(java.util.List.of("urn:problem:hotline:invalid-input")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .examples(java.util.List.of(400)))
                .addProperty("detail", text)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .addRequired("type").addRequired("title").addRequired("status");
    }
}
