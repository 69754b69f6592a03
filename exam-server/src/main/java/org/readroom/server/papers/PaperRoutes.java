package org.readroom.server.papers;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.readroom.core.bank.Item;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperChecks;
import org.readroom.core.paper.assembly.Assembler;
import org.readroom.core.paper.assembly.AssemblyException;
import org.readroom.core.paper.assembly.PaperBlueprint;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.Wire;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.bank.BankStore;
import org.readroom.server.http.Http;

/**
 * The admin's papers: a fixed paper from item ids in sections, a rule-based paper drawn from the bank by a blueprint
 * (both checked, {@code ?dryRun=true} to see the paper without storing it), and reading stored papers. A paper that
 * cannot be made is refused with 422 and every unmet rule or check; a paper id already stored with 409, because
 * sessions and packages refer to papers by id and papers never change. See docs/papers.md.
 */
public final class PaperRoutes {

    public static final String PAPERS = ApiPaths.BASE + "/admin/papers";
    public static final String ASSEMBLE = PAPERS + "/assemble";

    /** The ids packages accept (they become file names). */
    private static final String PAPER_ID = "[A-Za-z0-9_.-]{1,64}";

    private final Vertx vertx;
    private final BankStore bank;
    private final Tokens tokens;
    private final AuditLog audit;

    public PaperRoutes(Vertx vertx, BankStore bank, Tokens tokens, AuditLog audit) {
        this.vertx = vertx;
        this.bank = bank;
        this.tokens = tokens;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.post(PAPERS).handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::defineFixed);
        router.post(ASSEMBLE).handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::assemble);
        router.get(PAPERS).handler(Http.requireRole(tokens, Role.ADMIN)).handler(this::list);
        router.get(PAPERS + "/:paper")
                .handler(Http.requireRole(tokens, Role.ADMIN))
                .handler(this::show);
    }

    private void defineFixed(RoutingContext ctx) {
        PaperBlueprint blueprint = blueprint(ctx);
        if (blueprint.hasRules()) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST, "a fixed paper lists item ids only; send draw rules to " + ASSEMBLE);
        }
        finish(ctx, blueprint, bank.items(blueprint.fixedItemIds()), "define paper");
    }

    private void assemble(RoutingContext ctx) {
        PaperBlueprint blueprint = blueprint(ctx);
        finish(ctx, blueprint, bank.allItems(), "assemble paper");
    }

    private PaperBlueprint blueprint(RoutingContext ctx) {
        PaperBlueprint blueprint = Http.body(ctx, PaperBlueprint.class);
        if (!blueprint.id().matches(PAPER_ID)) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST, "id: 1 to 64 letters, digits, '_', '.' or '-', was " + blueprint.id());
        }
        return blueprint;
    }

    /** Assembles off the event loop, then stores and audits unless it is a dry run. */
    private void finish(RoutingContext ctx, PaperBlueprint blueprint, Future<List<Item>> items, String action) {
        Principal who = Http.principal(ctx);
        boolean dryRun = "true".equalsIgnoreCase(ctx.request().getParam("dryRun"));
        PaperBlueprint drawnFrom = blueprint.hasRules() ? blueprint : null;
        Future<Paper> paper = items.compose(
                bankItems -> vertx.executeBlocking(() -> Assembler.assemble(blueprint, bankItems), false));
        Future<Object> result = dryRun
                ? paper.map(p -> PaperViews.view(p, drawnFrom, false))
                : paper.compose(p -> bank.saveNewPaper(p, drawnFrom))
                        .compose(p -> audit.append("staff:" + who.name(), action, describe(p, blueprint))
                                .map(v -> PaperViews.view(p, drawnFrom, true)));
        result.onSuccess(view -> Http.ok(ctx, view)).onFailure(failure -> {
            if (failure instanceof AssemblyException refused) {
                refuse(ctx, refused);
            } else {
                Http.fail(ctx, failure);
            }
        });
    }

    private static String describe(Paper paper, PaperBlueprint blueprint) {
        return "paper " + paper.id() + ": " + paper.sections().size() + " sections, "
                + paper.items().size()
                + " items, " + paper.questions().size() + " questions, " + PaperChecks.marks(paper.totalMarks())
                + " marks"
                + (blueprint.hasRules() ? ", seed " + blueprint.seed() : "");
    }

    /** 422 with every problem: the admin needs the list, not the first reason. */
    private static void refuse(RoutingContext ctx, AssemblyException refused) {
        if (ctx.response().ended()) {
            return;
        }
        ErrorCode code = ErrorCode.PAPER_RULES_UNMET;
        PaperViews.PaperRefused body = new PaperViews.PaperRefused(
                code.code(), code.messageKey(), code.message(Locale.ENGLISH), refused.paperId(), refused.problems());
        ctx.response()
                .setStatusCode(code.httpStatus())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(Wire.encode(body)));
    }

    private void list(RoutingContext ctx) {
        Future<List<PaperViews.PaperSummary>> summaries = bank.paperIds()
                .compose(ids -> Future.all(ids.stream().map(bank::paper).toList()))
                .map(all -> all.<Paper>list().stream().map(PaperViews::summary).toList());
        Http.reply(ctx, summaries);
    }

    private void show(RoutingContext ctx) {
        String paperId = ctx.pathParam("paper");
        if (paperId == null || !paperId.matches(PAPER_ID)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "paper id is not valid");
        }
        Http.reply(ctx, bank.paper(paperId).compose(paper -> bank.blueprint(paperId)
                .map(blueprint -> PaperViews.view(paper, blueprint, true))));
    }
}
