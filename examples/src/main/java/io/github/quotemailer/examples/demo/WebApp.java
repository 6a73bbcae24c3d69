package io.github.quotemailer.examples.demo;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.examples.demo.CrmService.MailboxState;
import io.github.quotemailer.examples.demo.CrmService.MoveResult;
import io.github.quotemailer.examples.demo.CrmService.SendInfo;
import io.github.quotemailer.examples.demo.CrmService.UserError;
import io.github.quotemailer.examples.demo.CrmStore.CrmDeal;
import io.github.quotemailer.examples.demo.CrmStore.CrmLine;
import io.github.quotemailer.examples.demo.CrmStore.CrmUser;
import io.github.quotemailer.examples.demo.Sessions.Flash;
import io.github.quotemailer.examples.demo.Sessions.Session;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.smtp.VerificationResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's web server: server-rendered pages (precompiled jte templates), sign-in with hashed
 * passwords, a CSRF token on every form, security headers on every response, and admin pages for
 * the admin role only.
 */
final class WebApp {
  private static final Logger log = LoggerFactory.getLogger(WebApp.class);
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'self'";
  private static final ZoneId ZONE = ZoneId.of("America/Mexico_City");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
  private static final int MAX_LINES = 50;
  private static final Map<String, byte[]> ASSETS = new ConcurrentHashMap<>();

  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile CrmService service;
  private final Sessions sessions = new Sessions();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Javalin javalin;

  private WebApp(int port) {
    this.javalin =
        Javalin.create(
            config -> {
              config.jetty.host = "127.0.0.1"; // loopback only: the demo has demo passwords
              config.jetty.port = port;
              config.startup.showJavalinBanner = false;
              config.http.maxRequestSize = 64 * 1024;
              config.routes.before(this::securityHeaders);
              config.routes.before(this::awaitReady);
              config.routes.before(this::refuseForeignHost);
              config.routes.before(this::requireSignIn);
              config.routes.get("/", ctx -> ctx.redirect("/board"));
              config.routes.get("/static/app.css", ctx -> asset(ctx, "app.css", "text/css"));
              config.routes.get("/static/app.js", ctx -> asset(ctx, "app.js", "text/javascript"));
              config.routes.get("/login", this::loginPage);
              config.routes.post("/login", this::login);
              config.routes.post("/logout", this::logout);
              config.routes.post("/lang", this::language);
              config.routes.get("/board", this::board);
              config.routes.get("/board/status", this::boardStatus);
              config.routes.post("/deals/{id}/move", this::move);
              config.routes.get("/deals/{id}/quote", this::quotePage);
              config.routes.get("/deals/{id}/quote.pdf", this::quotePdf);
              config.routes.post("/deals/{id}/quote/lines", this::saveLines);
              config.routes.post("/deals/{id}/quote/version", this::bumpVersion);
              config.routes.get("/deliveries", this::deliveries);
              config.routes.get("/mailbox", this::mailbox);
              config.routes.get("/mailbox/{id}/pdf", this::mailPdf);
              config.routes.get("/admin/users", this::users);
              config.routes.get("/admin/users/new", ctx -> userForm(ctx, Optional.empty()));
              config.routes.post("/admin/users/new", this::createUser);
              config.routes.get("/admin/users/{id}", this::editUser);
              config.routes.post("/admin/users/{id}", this::saveUser);
              config.routes.post("/admin/users/{id}/smtp/remove", this::removeSmtp);
              config.routes.post("/admin/roles", this::saveRoles);
              config.routes.error(404, ctx -> errorPage(ctx, 404, "error.notFound"));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.warn("{} {} failed", ctx.method(), ctx.path(), e);
                    errorPage(ctx, 500, "error.server");
                  });
            });
  }

  /**
   * Starts listening on {@code 127.0.0.1:port} at once; requests wait until {@link
   * #serve(CrmService)} is called (the database and mail server start meanwhile).
   */
  static WebApp start(int port) {
    WebApp app = new WebApp(port);
    app.javalin.start();
    return app;
  }

  /** Starts answering requests with {@code crm}. */
  void serve(CrmService crm) {
    this.service = crm;
    ready.countDown();
  }

  private void awaitReady(Context ctx) throws InterruptedException {
    if (!ready.await(60, TimeUnit.SECONDS)) {
      ctx.status(503).result("The demo is still starting.");
      ctx.skipRemainingHandlers();
    }
  }

  int port() {
    return javalin.port();
  }

  void stop() {
    javalin.stop();
  }

  // ---- filters

  private void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    ctx.header("Cache-Control", "no-store");
  }

  /**
   * Refuses a request that names another host: a page on another site can point its own name at
   * 127.0.0.1 (DNS rebinding) and would otherwise reach the demo, with its published passwords, as
   * its own origin.
   */
  private void refuseForeignHost(Context ctx) {
    String host = ctx.req().getServerName();
    if (!"127.0.0.1".equals(host) && !"localhost".equalsIgnoreCase(host)) {
      ctx.status(421).result("This demo answers only at 127.0.0.1 or localhost.");
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * Runs before every route: loads the session, sends strangers to the sign-in page, refuses a form
   * post without the session's CSRF token, and admin pages to everyone but the admin role.
   */
  private void requireSignIn(Context ctx) {
    String path = ctx.path();
    Optional<Session> session = sessions.find(ctx);
    session.ifPresent(s -> ctx.attribute("session", s));
    // Both the wire method and Javalin's (which honours X-HTTP-Method-Override) must be safe.
    boolean post = !safe(ctx.req().getMethod()) || !safe(ctx.method().name());
    if (post && (session.isEmpty() || !Sessions.csrfMatches(ctx, session.get()))) {
      halt(ctx, 403, "error.csrf");
      return;
    }
    boolean open = path.equals("/login") || path.startsWith("/static/") || path.equals("/lang");
    if (open) {
      return;
    }
    Optional<CrmUser> user =
        session.map(s -> s.userId).flatMap(id -> id == null ? Optional.empty() : service.user(id));
    if (user.isEmpty()) {
      if (post) {
        halt(ctx, 401, "error.signIn");
      } else {
        ctx.redirect("/login");
        ctx.skipRemainingHandlers();
      }
      return;
    }
    ctx.attribute("user", user.get());
    if (path.startsWith("/admin") && user.get().role() != Role.ADMIN) {
      halt(ctx, 403, "error.adminOnly");
    }
  }

  private static boolean safe(String method) {
    return HandlerType.GET.name().equals(method) || HandlerType.HEAD.name().equals(method);
  }

  private void halt(Context ctx, int status, String messageKey) {
    errorPage(ctx, status, messageKey);
    ctx.skipRemainingHandlers();
  }

  private void errorPage(Context ctx, int status, String messageKey) {
    Views.Chrome chrome = chrome(ctx, "");
    ctx.status(status);
    render(
        ctx,
        "error.jte",
        new Views.ErrorPage(chrome, chrome.t("error.title." + status), chrome.t(messageKey)));
  }

  // ---- sign-in

  private void loginPage(Context ctx) {
    Session s = session(ctx).orElseGet(() -> sessions.create(ctx, "es"));
    if (s.userId != null) {
      ctx.redirect("/board");
      return;
    }
    ctx.attribute("session", s);
    render(ctx, "login.jte", new Views.Login(chrome(ctx, "login"), "", false));
  }

  private void login(Context ctx) {
    Session s = session(ctx).orElseThrow();
    String id = text(ctx, "user");
    Optional<CrmUser> user = service.authenticate(id, ctx.formParam("password"));
    if (user.isEmpty()) {
      ctx.status(401);
      render(ctx, "login.jte", new Views.Login(chrome(ctx, "login"), id, true));
      return;
    }
    Session signedIn = sessions.signIn(ctx, s, user.get().id());
    ctx.attribute("session", signedIn);
    ctx.redirect("/board");
  }

  private void logout(Context ctx) {
    session(ctx).ifPresent(s -> sessions.signOut(ctx, s));
    ctx.redirect("/login");
  }

  private void language(Context ctx) {
    Session s = session(ctx).orElseThrow();
    s.lang = "en".equals(ctx.formParam("lang")) ? "en" : "es";
    String back = ctx.formParam("back");
    // Only a path of this site: "/x", never "//host" or "/\host".
    boolean local = back != null && back.matches("/[A-Za-z0-9/_.?=&%-]*") && !back.startsWith("//");
    ctx.redirect(local ? back : "/board");
  }

  // ---- board

  private void board(Context ctx) {
    Views.Chrome c = chrome(ctx, "board");
    CrmUser me = me(ctx);
    Map<String, CrmUser> users = usersById();
    Map<Integer, SendInfo> sends = service.latestSendInfo();
    Map<Stage, List<Views.Card>> byStage = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      byStage.put(stage, new ArrayList<>());
    }
    for (CrmDeal deal : service.deals()) {
      byStage.get(deal.stage()).add(card(c, me, deal, users, sends.get(deal.id())));
    }
    List<Views.Column> columns = new ArrayList<>();
    List<Views.Option> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      columns.add(new Views.Column(stage.name(), c.t(stage.key()), byStage.get(stage)));
      stages.add(new Views.Option(stage.name(), c.t(stage.key()), false));
    }
    render(ctx, "board.jte", new Views.Board(c, columns, stages));
  }

  private Views.Card card(
      Views.Chrome c, CrmUser me, CrmDeal deal, Map<String, CrmUser> users, SendInfo send) {
    QuoteSummary quote = summary(c, deal);
    CrmUser owner = users.get(deal.ownerId());
    SendStatus status = sendStatus(c, send);
    return new Views.Card(
        deal.id(),
        deal.title(),
        quote.customer(),
        owner == null ? deal.ownerId() : owner.name(),
        quote.total().isEmpty() ? c.t("quote.noLines") : quote.total(),
        deal.quoteNumber() + " v" + deal.quoteVersion(),
        deal.stage().name(),
        CrmService.mayMove(me, deal),
        status.kind(),
        status.headline(),
        status.detail());
  }

  /** A deal's customer and formatted total; both empty while its quote has no valid lines. */
  private record QuoteSummary(String customer, String total) {}

  private QuoteSummary summary(Views.Chrome c, CrmDeal deal) {
    try {
      Quote quote = service.quote(deal);
      return new QuoteSummary(
          quote.customer().company().orElse(quote.customer().name()),
          money(c, quote.total().amount()) + " " + quote.currency().getCurrencyCode());
    } catch (UserError | QuoteMailerException e) {
      return new QuoteSummary("", "");
    }
  }

  /**
   * What became of a deal's newest queued email.
   *
   * @param kind {@code ok}, {@code warn}, {@code error}, {@code pending}, or empty for none
   * @param code the delivery log's one-word state: {@code QUEUED}, {@code SENDING}, {@code
   *     RETRYING}, or the outbox state once it left {@code PENDING}
   */
  private record SendStatus(String kind, String code, String headline, String detail) {
    static final SendStatus NONE = new SendStatus("", "", "", "");
  }

  private static SendStatus sendStatus(Views.Chrome c, SendInfo send) {
    if (send == null) {
      return SendStatus.NONE;
    }
    String version = "v" + send.send().quoteVersion();
    Optional<OutboxEntry> entry = send.entry();
    OutboxState state = entry.map(OutboxEntry::state).orElse(OutboxState.PENDING);
    Optional<String> error = entry.flatMap(OutboxEntry::lastError);
    switch (state) {
      case SENT:
        String identity = send.attempt().map(a -> a.identity().value()).orElse("");
        Optional<ResolutionReason> reason = send.reason();
        return new SendStatus(
            reason.filter(r -> r == ResolutionReason.OWN_ACCOUNT).isPresent() ? "ok" : "warn",
            state.name(),
            c.t("send.sent", version, identity),
            reason.map(r -> c.t("reason." + r.name())).orElse(""));
      case DEAD:
        return new SendStatus("error", state.name(), c.t("send.dead", version), error.orElse(""));
      case OUTCOME_UNKNOWN:
        return new SendStatus("error", state.name(), c.t("send.unknown", version), "");
      default:
        int attempts = entry.map(OutboxEntry::attempts).orElse(0);
        if (attempts == 0) {
          return new SendStatus("pending", "QUEUED", c.t("send.queued", version), "");
        }
        if (error.isEmpty()) { // the first attempt is under way
          return new SendStatus("pending", "SENDING", c.t("send.sending", version), "");
        }
        return new SendStatus(
            "pending", "RETRYING", c.t("send.retrying", version, attempts), error.get());
    }
  }

  /** The send status of every card, for the board's script to refresh without a reload. */
  private void boardStatus(Context ctx) {
    Views.Chrome c = chrome(ctx, "board");
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Map.Entry<Integer, SendInfo> e : service.latestSendInfo().entrySet()) {
      SendStatus status = sendStatus(c, e.getValue());
      result.put(
          String.valueOf(e.getKey()),
          Map.of("kind", status.kind(), "status", status.headline(), "detail", status.detail()));
    }
    ctx.json(result);
  }

  private void move(Context ctx) {
    Session s = session(ctx).orElseThrow();
    int id = dealId(ctx);
    Stage target;
    try {
      target = Stage.valueOf(String.valueOf(ctx.formParam("stage")));
    } catch (IllegalArgumentException e) {
      halt(ctx, 400, "error.badStage");
      return;
    }
    String title = service.deal(id).map(CrmDeal::title).orElse("#" + id);
    try {
      MoveResult result = service.move(me(ctx), id, target);
      Texts t = Texts.of(s.lang);
      String stage = t.get(target.key());
      switch (result) {
        case QUEUED:
          s.flash = new Flash("ok", t.get("move.queued", title), "");
          break;
        case ALREADY_QUEUED:
          s.flash = new Flash("warn", t.get("move.alreadySent", title), "");
          break;
        case MOVED:
          s.flash = new Flash("ok", t.get("move.moved", title, stage), "");
          break;
        default:
          break;
      }
    } catch (UserError e) {
      s.flash = new Flash("error", Texts.of(s.lang).get(e.key()), "");
    } catch (InvalidInputException e) {
      s.flash = new Flash("error", Texts.of(s.lang).get("move.invalid", title), e.getMessage());
    } catch (QuoteMailerException e) {
      log.warn("moving deal {} failed", id, e);
      s.flash = new Flash("error", Texts.of(s.lang).get("move.failed", title), e.getMessage());
    }
    ctx.redirect("/board#deal-" + id);
  }

  // ---- quote

  private void quotePage(Context ctx) {
    Views.Chrome c = chrome(ctx, "board");
    CrmDeal deal = deal(ctx);
    List<Views.LineRow> rows = new ArrayList<>();
    for (CrmLine line : service.lines(deal.id())) {
      rows.add(
          new Views.LineRow(
              line.description(),
              line.quantity().toPlainString(),
              line.unit() == null ? "" : line.unit(),
              line.unitPrice().toPlainString()));
    }
    rows.add(new Views.LineRow("", "", "", "")); // one empty row to add a line
    QuoteSummary quote = summary(c, deal);
    render(
        ctx,
        "quote.jte",
        new Views.QuoteView(
            c,
            deal.id(),
            deal.title(),
            quote.customer(),
            deal.quoteNumber(),
            deal.quoteVersion(),
            CrmService.mayEditQuote(me(ctx), deal),
            rows,
            quote.total()));
  }

  private void quotePdf(Context ctx) {
    CrmDeal deal = deal(ctx);
    try {
      byte[] pdf = service.pdf(deal);
      ctx.contentType("application/pdf");
      ctx.header("Content-Disposition", "inline; filename=\"" + deal.quoteNumber() + ".pdf\"");
      ctx.result(pdf);
    } catch (UserError e) {
      halt(ctx, 409, e.key());
    }
  }

  private void saveLines(Context ctx) {
    Session s = session(ctx).orElseThrow();
    int id = dealId(ctx);
    List<String> descriptions = ctx.formParams("description");
    List<String> quantities = ctx.formParams("quantity");
    List<String> units = ctx.formParams("unit");
    List<String> prices = ctx.formParams("price");
    Texts t = Texts.of(s.lang);
    try {
      if (descriptions.size() > MAX_LINES + 1 // the page adds one empty row
          || quantities.size() != descriptions.size()
          || units.size() != descriptions.size()
          || prices.size() != descriptions.size()) {
        throw new UserError("quote.badForm");
      }
      List<CrmLine> lines = new ArrayList<>();
      for (int i = 0; i < descriptions.size(); i++) {
        String description = descriptions.get(i).trim();
        if (description.isEmpty() && quantities.get(i).isBlank() && prices.get(i).isBlank()) {
          continue; // an empty row
        }
        int n = i + 1;
        BigDecimal quantity = decimal("line " + n + " quantity", quantities.get(i));
        BigDecimal price = decimal("line " + n + " price", prices.get(i));
        String unit = units.get(i).trim();
        lines.add(new CrmLine(description, quantity, unit.isEmpty() ? null : unit, price));
      }
      if (lines.size() > MAX_LINES) {
        throw new UserError("quote.tooManyLines");
      }
      service.saveLines(me(ctx), id, lines);
      s.flash = new Flash("ok", t.get("quote.saved"), "");
    } catch (UserError e) {
      s.flash = new Flash("error", t.get(e.key()), "");
    } catch (InvalidInputException e) {
      s.flash = new Flash("error", t.get("quote.invalid"), e.getMessage());
    }
    ctx.redirect("/deals/" + id + "/quote");
  }

  private static BigDecimal decimal(String field, String text) {
    return io.github.quotemailer.quote.Money.parse(field, text.trim());
  }

  private void bumpVersion(Context ctx) {
    Session s = session(ctx).orElseThrow();
    int id = dealId(ctx);
    Texts t = Texts.of(s.lang);
    try {
      service.bumpVersion(me(ctx), id);
      s.flash = new Flash("ok", t.get("quote.bumped"), "");
    } catch (UserError e) {
      s.flash = new Flash("error", t.get(e.key()), "");
    }
    ctx.redirect("/deals/" + id + "/quote");
  }

  // ---- delivery log

  private void deliveries(Context ctx) {
    Views.Chrome c = chrome(ctx, "deliveries");
    CrmUser me = me(ctx);
    boolean seesAll =
        me.role() == Role.ADMIN || me.role() == Role.SALES_MANAGER || me.role() == Role.DIRECTOR;
    Optional<String> userFilter =
        Optional.ofNullable(ctx.queryParam("user")).filter(u -> !u.isBlank());
    if (!seesAll) {
      userFilter = Optional.of(me.id()); // a salesperson sees their own quotes
    }
    Optional<ResolutionReason> reasonFilter = Optional.empty();
    String reasonParam = ctx.queryParam("reason");
    if (reasonParam != null && !reasonParam.isBlank()) {
      try {
        reasonFilter = Optional.of(ResolutionReason.valueOf(reasonParam));
      } catch (IllegalArgumentException e) {
        halt(ctx, 400, "error.badFilter");
        return;
      }
    }
    Map<String, CrmUser> users = usersById();
    List<Views.DeliveryRow> rows = new ArrayList<>();
    for (SendInfo info : service.deliveries(userFilter, reasonFilter)) {
      CrmDeal deal = info.deal();
      CrmUser owner = users.get(deal.ownerId());
      SendStatus status = sendStatus(c, info);
      Optional<DeliveryAttempt> attempt = info.attempt();
      rows.add(
          new Views.DeliveryRow(
              TIME.format(
                  attempt.map(DeliveryAttempt::at).orElse(info.send().queuedAt()).atZone(ZONE)),
              deal.title() + " (" + deal.quoteNumber() + " v" + info.send().quoteVersion() + ")",
              owner == null ? "" : owner.name(),
              attempt.map(a -> a.identity().value()).orElse(""),
              info.reason().map(r -> c.t("reason." + r.name())).orElse(""),
              status.kind(),
              c.t("status." + status.code()),
              info.entry().map(OutboxEntry::attempts).orElse(0),
              info.send().messageId(),
              attempt.map(WebApp::reply).orElse("")));
    }
    List<Views.Option> userOptions = new ArrayList<>();
    userOptions.add(new Views.Option("", c.t("deliveries.allUsers"), userFilter.isEmpty()));
    for (CrmUser u : users.values()) {
      if (seesAll || u.id().equals(me.id())) {
        userOptions.add(
            new Views.Option(u.id(), u.name(), userFilter.filter(u.id()::equals).isPresent()));
      }
    }
    List<Views.Option> reasonOptions = new ArrayList<>();
    reasonOptions.add(new Views.Option("", c.t("deliveries.allReasons"), reasonFilter.isEmpty()));
    for (ResolutionReason r : ResolutionReason.values()) {
      reasonOptions.add(
          new Views.Option(
              r.name(), c.t("reason." + r.name()), reasonFilter.filter(r::equals).isPresent()));
    }
    render(ctx, "deliveries.jte", new Views.Deliveries(c, userOptions, reasonOptions, rows));
  }

  /** The server's reply as a person reads it, as the library describes a reply. */
  private static String reply(DeliveryAttempt a) {
    return new SmtpReply(a.replyClass(), a.replyCode(), Optional.empty(), a.replyText()).describe();
  }

  // ---- mailbox of the embedded mail server

  private void mailbox(Context ctx) {
    Views.Chrome c = chrome(ctx, "mailbox");
    List<Views.MailRow> rows = new ArrayList<>();
    for (DemoMailServer.ReceivedMail mail : service.mailServer().received()) {
      rows.add(
          new Views.MailRow(
              mail.id(),
              mail.date() == null ? "" : TIME.format(mail.date().atZone(ZONE)),
              mail.from(),
              mail.replyTo() == null ? "" : mail.replyTo(),
              String.join(", ", mail.to()),
              mail.subject() == null ? "" : mail.subject(),
              mail.pdfFileName() == null ? "" : mail.pdfFileName()));
    }
    render(ctx, "mailbox.jte", new Views.Mailbox(c, rows));
  }

  private void mailPdf(Context ctx) {
    Optional<DemoMailServer.ReceivedMail> mail = service.mailServer().find(ctx.pathParam("id"));
    if (mail.isEmpty() || mail.get().pdf() == null) {
      halt(ctx, 404, "error.notFound");
      return;
    }
    ctx.contentType("application/pdf");
    ctx.header("Content-Disposition", "inline; filename=\"quote.pdf\"");
    ctx.result(mail.get().pdf());
  }

  // ---- admin: users and their outgoing mail

  private void users(Context ctx) {
    Views.Chrome c = chrome(ctx, "users");
    List<Views.UserRow> rows = new ArrayList<>();
    for (CrmUser u : service.users()) {
      Optional<UserSmtpSettings> smtp = service.smtpSettings(u.id());
      MailboxState state = service.mailboxState(smtp);
      rows.add(
          new Views.UserRow(
              u.id(),
              u.name(),
              u.email(),
              c.t(u.role().key()),
              kind(state),
              c.t("mailbox." + state.name()),
              mailboxDetail(smtp)));
    }
    List<Views.RoleRow> roles = new ArrayList<>();
    for (Map.Entry<Role, Boolean> e : service.rolePermissions().entrySet()) {
      roles.add(new Views.RoleRow(e.getKey().name(), c.t(e.getKey().key()), e.getValue()));
    }
    render(ctx, "users.jte", new Views.UserList(c, rows, roles));
  }

  /** Where the settings are and what the server said last; never the password. */
  private static String mailboxDetail(Optional<UserSmtpSettings> smtp) {
    return smtp.map(
            s ->
                s.address().value()
                    + s.server().map(v -> " · " + v.host() + ":" + v.port()).orElse("")
                    + s.health().serverReply().map(r -> " · " + r).orElse(""))
        .orElse("");
  }

  private static String kind(MailboxState state) {
    switch (state) {
      case OWN_VERIFIED:
        return "ok";
      case REJECTED:
      case OAUTH2_RECONNECT:
      case UNREADABLE:
        return "error";
      default:
        return "warn";
    }
  }

  private void editUser(Context ctx) {
    Optional<CrmUser> user = service.user(ctx.pathParam("id"));
    if (user.isEmpty()) {
      halt(ctx, 404, "error.notFound");
      return;
    }
    userForm(ctx, user);
  }

  private void userForm(Context ctx, Optional<CrmUser> user) {
    Views.Chrome c = chrome(ctx, "users");
    Optional<UserSmtpSettings> smtp = user.flatMap(u -> service.smtpSettings(u.id()));
    List<Views.Option> roles = new ArrayList<>();
    for (Role r : Role.values()) {
      roles.add(
          new Views.Option(
              r.name(), c.t(r.key()), user.map(u -> u.role() == r).orElse(r == Role.SALES)));
    }
    Optional<SmtpServer> server = smtp.flatMap(UserSmtpSettings::server);
    ServerPreset preset =
        server.map(s -> ServerPreset.of(s, service.mailServer())).orElse(ServerPreset.DEMO_SMTPS);
    List<Views.Option> presets = new ArrayList<>();
    for (ServerPreset p : ServerPreset.values()) {
      presets.add(new Views.Option(p.name(), c.t(p.key()), p == preset));
    }
    List<Views.Option> securities = new ArrayList<>();
    TransportSecurity security =
        server.map(SmtpServer::security).orElse(TransportSecurity.IMPLICIT_TLS);
    for (TransportSecurity t : TransportSecurity.values()) {
      securities.add(new Views.Option(t.name(), c.t("security." + t.name()), t == security));
    }
    MailboxState state = service.mailboxState(smtp);
    render(
        ctx,
        "user-form.jte",
        new Views.UserForm(
            c,
            user.isEmpty(),
            user.map(CrmUser::id).orElse(""),
            user.map(CrmUser::name).orElse(""),
            user.map(CrmUser::email).orElse(""),
            user.map(CrmUser::phone).orElse(""),
            roles,
            smtp.isPresent(),
            smtp.map(UserSmtpSettings::usesOAuth2).orElse(false),
            kind(state),
            c.t("mailbox." + state.name()),
            mailboxDetail(smtp),
            smtp.map(s -> s.address().value()).orElse(user.map(CrmUser::email).orElse("")),
            smtp.map(UserSmtpSettings::displayName).orElse(user.map(CrmUser::name).orElse("")),
            smtp.filter(s -> !s.username().equals(s.address().value()))
                .map(UserSmtpSettings::username)
                .orElse(""),
            presets,
            server.filter(s -> preset == ServerPreset.CUSTOM).map(SmtpServer::host).orElse(""),
            server
                .filter(s -> preset == ServerPreset.CUSTOM)
                .map(s -> String.valueOf(s.port()))
                .orElse(""),
            securities,
            smtp.flatMap(UserSmtpSettings::sendingLimit).map(Object::toString).orElse(""),
            smtp.map(UserSmtpSettings::enabled).orElse(true)));
  }

  private void createUser(Context ctx) {
    Session s = session(ctx).orElseThrow();
    Texts t = Texts.of(s.lang);
    String id = text(ctx, "id").trim();
    try {
      service.createUser(crmUser(ctx, id), ctx.formParam("password"));
      s.flash = new Flash("ok", t.get("user.created"), "");
      ctx.redirect("/admin/users/" + id);
    } catch (UserError e) {
      s.flash = new Flash("error", t.get(e.key()), "");
      ctx.redirect("/admin/users/new");
    } catch (InvalidInputException e) {
      s.flash = new Flash("error", t.get("user.invalid"), e.getMessage());
      ctx.redirect("/admin/users/new");
    }
  }

  /**
   * Saves the user and their outgoing mail; with {@code action=test}, then runs the real
   * verification and shows its classified result and the server's reply.
   */
  private void saveUser(Context ctx) {
    Session s = session(ctx).orElseThrow();
    Texts t = Texts.of(s.lang);
    String id = ctx.pathParam("id");
    if (service.user(id).isEmpty()) {
      halt(ctx, 404, "error.notFound");
      return;
    }
    try {
      boolean test = "test".equals(ctx.formParam("action"));
      // The mailbox section counts when the user has a mailbox, or when one is being set up: a
      // password typed, or a test asked for. Otherwise it is the untouched, prefilled section.
      boolean mailbox =
          service.smtpSettings(id).isPresent() || !text(ctx, "smtpPassword").isEmpty() || test;
      Optional<SmtpForm> smtp =
          "on".equals(ctx.formParam("smtp")) && mailbox
              ? Optional.of(smtpForm(ctx))
              : Optional.empty();
      service.saveUser(crmUser(ctx, id), ctx.formParam("password"), smtp);
      if (test) {
        VerificationResult result = service.testSmtp(id);
        SmtpReply reply = result.reply();
        s.flash =
            new Flash(
                result.succeeded() ? "ok" : "error",
                t.get("test." + reply.replyClass().name()),
                reply.describe());
      } else {
        s.flash = new Flash("ok", t.get("user.saved"), "");
      }
    } catch (UserError e) {
      s.flash = new Flash("error", t.get(e.key()), "");
    } catch (InvalidInputException e) {
      s.flash = new Flash("error", t.get("user.invalid"), e.getMessage());
    } catch (QuoteMailerException e) {
      s.flash = new Flash("error", t.get("test.failed"), e.getMessage());
    }
    ctx.redirect("/admin/users/" + id);
  }

  private void removeSmtp(Context ctx) {
    Session s = session(ctx).orElseThrow();
    String id = ctx.pathParam("id");
    service.removeSmtp(id);
    s.flash = new Flash("ok", Texts.of(s.lang).get("smtp.removed"), "");
    ctx.redirect("/admin/users/" + id);
  }

  private void saveRoles(Context ctx) {
    Session s = session(ctx).orElseThrow();
    Map<Role, Boolean> permissions = new EnumMap<>(Role.class);
    List<String> checked = ctx.formParams("send");
    for (Role r : Role.values()) {
      permissions.put(r, checked.contains(r.name()));
    }
    service.setRolePermissions(permissions);
    s.flash = new Flash("ok", Texts.of(s.lang).get("roles.saved"), "");
    ctx.redirect("/admin/users");
  }

  private static CrmUser crmUser(Context ctx, String id) {
    Role role;
    try {
      role = Role.valueOf(String.valueOf(ctx.formParam("role")));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "is not a known role");
    }
    String phone = text(ctx, "phone").trim();
    return new CrmUser(
        id,
        text(ctx, "name").trim(),
        text(ctx, "email").trim(),
        role,
        phone.isEmpty() ? null : phone);
  }

  private static SmtpForm smtpForm(Context ctx) {
    ServerPreset preset;
    try {
      preset = ServerPreset.valueOf(String.valueOf(ctx.formParam("preset")));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("smtp.preset", "is not a known server");
    }
    return new SmtpForm(
        text(ctx, "smtpAddress").trim(),
        text(ctx, "smtpName"),
        text(ctx, "smtpUsername"),
        preset,
        text(ctx, "host"),
        text(ctx, "port"),
        text(ctx, "security"),
        text(ctx, "smtpPassword"),
        text(ctx, "limit"),
        "on".equals(ctx.formParam("enabled")));
  }

  // ---- helpers

  private Views.Chrome chrome(Context ctx, String active) {
    Optional<Session> session = session(ctx);
    Texts texts = Texts.of(session.map(s -> s.lang).orElse("es"));
    CrmUser user = ctx.attribute("user");
    Flash flash = session.map(Session::takeFlash).orElse(null);
    return new Views.Chrome(
        texts,
        session.map(s -> s.csrf).orElse(""),
        user == null ? "" : user.name(),
        user == null ? "" : user.role().key(),
        user != null && user.role() == Role.ADMIN,
        active,
        flash == null ? "" : flash.kind(),
        flash == null ? "" : flash.text(),
        flash == null ? "" : flash.detail(),
        ctx.path());
  }

  private static Optional<Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute("session"));
  }

  private static CrmUser me(Context ctx) {
    return ctx.attribute("user");
  }

  private Map<String, CrmUser> usersById() {
    Map<String, CrmUser> result = new LinkedHashMap<>();
    service.users().forEach(u -> result.put(u.id(), u));
    return result;
  }

  private CrmDeal deal(Context ctx) {
    return service.deal(dealId(ctx)).orElseThrow(io.javalin.http.NotFoundResponse::new);
  }

  private static int dealId(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new io.javalin.http.NotFoundResponse();
    }
  }

  private static String text(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  private static String money(Views.Chrome c, BigDecimal amount) {
    NumberFormat format =
        NumberFormat.getNumberInstance(Locale.forLanguageTag(c.english() ? "en-US" : "es-MX"));
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount);
  }

  private void render(Context ctx, String template, Object model) {
    StringOutput out = new StringOutput();
    templates.render(template, model, out);
    ctx.html(out.toString());
  }

  private static void asset(Context ctx, String name, String type) {
    ctx.contentType(type + "; charset=utf-8");
    ctx.header("Cache-Control", "max-age=300");
    ctx.result(ASSETS.computeIfAbsent(name, WebApp::readAsset));
  }

  /** A file under {@code static/} beside this class, read once. */
  private static byte[] readAsset(String name) {
    try (InputStream in = WebApp.class.getResourceAsStream("static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing static/" + name + " in the demo's resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
