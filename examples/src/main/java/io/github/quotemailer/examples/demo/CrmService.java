package io.github.quotemailer.examples.demo;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.examples.demo.CrmStore.CrmCustomer;
import io.github.quotemailer.examples.demo.CrmStore.CrmDeal;
import io.github.quotemailer.examples.demo.CrmStore.CrmLine;
import io.github.quotemailer.examples.demo.CrmStore.CrmSend;
import io.github.quotemailer.examples.demo.CrmStore.CrmUser;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.VerificationResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the CRM does with QuoteMailer: the calls a host makes from its own screens. Each public
 * library call here is one a host developer would copy: {@code userSettings().save(...)}, {@code
 * verify(...)}, {@code enqueue(email, connection)} inside the deal move's transaction, {@code
 * outbox().find(...)} and {@code deliveryLog().byQuote(...)} for what happened.
 */
final class CrmService {
  /** The demo company on every quote. */
  static final Company COMPANY =
      Company.builder("INAIR Aire Acondicionado, S.A. de C.V.")
          .taxId("IAA010101AB1")
          .address("Av. Constitución 100, Monterrey, N.L., México")
          .phone("+52 81 5555 0100")
          .email(CrmDemo.COMPANY_ADDRESS)
          .website("https://inair.example")
          .build();

  private static final ZoneId ZONE = ZoneId.of("America/Mexico_City");
  private static final int SEND_HISTORY = 200;
  // The widths of crm_quote_line's columns.
  private static final int MAX_QUANTITY_DIGITS = 10;
  private static final int MAX_PRICE_DIGITS = 14;

  private final CrmStore crm;
  private final QuoteMailer mailer;
  private final JdbcStores stores;
  private final QuoteDocumentRenderer renderer;
  private final DemoMailServer mailServer;
  private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
  private volatile DeliveryWorker worker;

  CrmService(
      CrmStore crm,
      QuoteMailer mailer,
      JdbcStores stores,
      QuoteDocumentRenderer renderer,
      DemoMailServer mailServer) {
    this.crm = crm;
    this.mailer = mailer;
    this.stores = stores;
    this.renderer = renderer;
    this.mailServer = mailServer;
  }

  /** A hash to compare an unknown user's password with, made on the first such sign-in. */
  private static final class UnknownUser {
    static final String HASH = new BCryptPasswordEncoder().encode("no such user");
  }

  void attachWorker(DeliveryWorker worker) {
    this.worker = worker;
  }

  DemoMailServer mailServer() {
    return mailServer;
  }

  /** The shared mailer (for the demo's own tests). */
  QuoteMailer mailer() {
    return mailer;
  }

  /** The CRM's own tables (for seeding). */
  CrmStore store() {
    return crm;
  }

  // ---- sign-in and users

  /** The user whose password matches, or empty; as slow for an unknown id as for a known one. */
  Optional<CrmUser> authenticate(String userId, String password) {
    if (userId == null || password == null || userId.length() > 40 || password.length() > 200) {
      return Optional.empty();
    }
    Optional<String> hash = crm.passwordHash(userId);
    boolean matches = passwords.matches(password, hash.orElseGet(() -> UnknownUser.HASH));
    return matches && hash.isPresent() ? crm.user(userId) : Optional.empty();
  }

  List<CrmUser> users() {
    return crm.users();
  }

  Optional<CrmUser> user(String id) {
    return crm.user(id);
  }

  void createUser(CrmUser user, String password) {
    checkUser(user);
    if (crm.user(user.id()).isPresent()) {
      throw new UserError("user.exists");
    }
    crm.insertUser(user, hash(password == null ? "" : password));
  }

  /**
   * Saves a user and, when the form has one, their outgoing mailbox. Everything is checked before
   * anything is written: the user's fields first, then the mailbox, which the library checks as it
   * saves it; the user's row is written last, once nothing can be refused any more.
   */
  void saveUser(CrmUser user, String newPassword, Optional<SmtpForm> smtp) {
    checkUser(user);
    Optional<String> hash =
        newPassword == null || newPassword.isEmpty()
            ? Optional.empty()
            : Optional.of(hash(newPassword));
    smtp.ifPresent(form -> saveSmtp(user.id(), form));
    crm.updateUser(user, hash);
  }

  /** The BCrypt hash of a sign-in password of at least 8 characters. */
  private String hash(String password) {
    if (password.length() < 8) {
      throw new UserError("user.passwordShort");
    }
    return passwords.encode(password);
  }

  private static void checkUser(CrmUser user) {
    if (!user.id().matches("[a-z][a-z0-9._-]{1,39}")) {
      throw new UserError("user.badId");
    }
    if (user.name().isBlank() || user.name().length() > 120) {
      throw new UserError("user.badName");
    }
    Arguments.text("name", user.name(), 120);
    Arguments.text("email", user.email(), 254);
    EmailAddress.of("email", user.email());
    Arguments.optionalText("phone", user.phone(), 40);
  }

  Map<Role, Boolean> rolePermissions() {
    return crm.rolePermissions();
  }

  void setRolePermissions(Map<Role, Boolean> permissions) {
    crm.setRolePermissions(permissions);
  }

  // ---- outgoing mail of a user

  Optional<UserSmtpSettings> smtpSettings(String userId) {
    return mailer.userSettings().find(userId);
  }

  /** What a user's quotes go out from right now. */
  MailboxState mailboxState(String userId) {
    return mailboxState(smtpSettings(userId));
  }

  /** What quotes go out from, for a user with these settings (or none). */
  MailboxState mailboxState(Optional<UserSmtpSettings> found) {
    if (found.isEmpty()) {
      return MailboxState.COMPANY_FALLBACK;
    }
    UserSmtpSettings settings = found.get();
    if (!settings.enabled()) {
      return MailboxState.DISABLED;
    }
    SettingsHealth.Status status = settings.health().status();
    switch (status) {
      case REJECTED:
        return MailboxState.REJECTED;
      case TOKEN_REVOKED:
        return MailboxState.OAUTH2_RECONNECT;
      case UNREADABLE:
        return MailboxState.UNREADABLE;
      case UNVERIFIED:
        return MailboxState.NOT_VERIFIED;
      default:
        return overLimit(settings) ? MailboxState.OVER_LIMIT : MailboxState.OWN_VERIFIED;
    }
  }

  private boolean overLimit(UserSmtpSettings settings) {
    Instant now = Instant.now();
    if (stores.sendingLedger().pauseOf(settings.address(), now).isPresent()) {
      return true;
    }
    Optional<SendingLimit> limit =
        settings
            .sendingLimit()
            .or(() -> settings.server().flatMap(s -> SendingLimit.presetFor(s.host())));
    if (limit.isEmpty()) {
      return false;
    }
    Instant since = now.minus(limit.get().window());
    int count = limit.get().count();
    // Newest first: read back page by page until the window's start, counting the sends that
    // authenticated as this mailbox. The library's own count also holds sends reserved and not yet
    // recorded, and sends of other users through the same mailbox, so this can read a little low.
    long sent = 0;
    for (int offset = 0; sent < count; offset += Page.MAX_LIMIT) {
      List<DeliveryAttempt> page =
          mailer.deliveryLog().byUser(settings.userId(), new Page(offset, Page.MAX_LIMIT));
      for (DeliveryAttempt a : page) {
        if (!a.at().isAfter(since)) {
          return false;
        }
        if (a.outcome() == DeliveryOutcome.SENT && a.identity().equals(settings.address())) {
          sent++;
        }
      }
      if (page.size() < Page.MAX_LIMIT) {
        break;
      }
    }
    return sent >= count;
  }

  /**
   * Saves a user's outgoing mailbox. A typed password replaces the stored one; an empty one keeps
   * it, as long as the address, server and login stay the same (the library refuses to try a stored
   * password on another server).
   */
  UserSmtpSettings saveSmtp(String userId, SmtpForm form) {
    EmailAddress address = EmailAddress.of("smtp.address", form.address());
    String name = form.displayName().isBlank() ? address.value() : form.displayName().trim();
    SmtpServer server = form.server(mailServer);
    String username = form.username().isBlank() ? address.value() : form.username().trim();
    Optional<SendingLimit> limit =
        form.limit().isBlank()
            ? Optional.empty()
            : Optional.of(SendingLimit.parse("smtp.limit", form.limit().trim()));
    Optional<UserSmtpSettings> existing = smtpSettings(userId);
    if (!form.password().isEmpty()) {
      UserSmtpSettings.Draft draft =
          UserSmtpSettings.draft(userId, address, name)
              .server(server)
              .username(username)
              .enabled(form.enabled());
      limit.ifPresent(draft::sendingLimit);
      return mailer.userSettings().save(draft, Secret.of(form.password()));
    }
    if (existing.isEmpty()) {
      throw new UserError("smtp.passwordRequired");
    }
    UserSmtpSettings old = existing.get();
    if (!old.address().equals(address)
        || !old.username().equals(username)
        || !old.server().map(s -> sameEndpoint(s, server)).orElse(false)) {
      throw new UserError("smtp.passwordAgain");
    }
    UserSmtpSettings kept =
        new UserSmtpSettings(
            userId,
            address,
            name,
            username,
            old.server(),
            old.credential(),
            limit,
            form.enabled(),
            old.health());
    mailer.userSettings().save(kept);
    return kept;
  }

  private static boolean sameEndpoint(SmtpServer a, SmtpServer b) {
    return a.host().equals(b.host()) && a.port() == b.port() && a.security() == b.security();
  }

  /**
   * A real login with the stored settings: connect, TLS, AUTH, MAIL FROM, RCPT TO, nothing sent.
   */
  VerificationResult testSmtp(String userId) {
    UserSmtpSettings settings = smtpSettings(userId).orElseThrow(() -> new UserError("smtp.none"));
    return mailer.verify(settings);
  }

  void removeSmtp(String userId) {
    mailer.userSettings().delete(userId);
  }

  // ---- deals and quotes

  List<CrmDeal> deals() {
    return crm.deals();
  }

  Optional<CrmDeal> deal(int id) {
    return crm.deal(id);
  }

  List<CrmLine> lines(int dealId) {
    return crm.lines(dealId);
  }

  /** Whether {@code actor} may move {@code deal} between stages. */
  static boolean mayMove(CrmUser actor, CrmDeal deal) {
    return actor.id().equals(deal.ownerId())
        || actor.role() == Role.ADMIN
        || actor.role() == Role.SALES_MANAGER;
  }

  /** Whether {@code actor} may edit the quote of {@code deal}. */
  static boolean mayEditQuote(CrmUser actor, CrmDeal deal) {
    return actor.id().equals(deal.ownerId()) || actor.role().editsAnyQuote();
  }

  /**
   * Moves a deal. Entering "Cotización Enviada" queues the quote email in the same database
   * transaction as the stage change: both commit, or neither does. The idempotency key (deal, quote
   * number, version, recipients) makes a second entry of the same version a no-op.
   */
  MoveResult move(CrmUser actor, int dealId, Stage target) {
    MoveResult result =
        crm.jdbi()
            .inTransaction(
                h -> {
                  CrmDeal deal =
                      CrmStore.deal(h, dealId, true)
                          .orElseThrow(() -> new UserError("deal.notFound"));
                  if (!mayMove(actor, deal)) {
                    throw new UserError("deal.notYours");
                  }
                  if (deal.stage() == target) {
                    return MoveResult.UNCHANGED;
                  }
                  CrmStore.setStage(h, dealId, target);
                  if (target != Stage.QUOTE_SENT) {
                    return MoveResult.MOVED;
                  }
                  CrmUser owner =
                      CrmStore.user(h, deal.ownerId())
                          .orElseThrow(() -> new UserError("deal.notFound"));
                  if (!crm.maySend(h, owner.role())) {
                    throw new UserError("deal.roleMayNotSend");
                  }
                  CrmCustomer customer = CrmStore.customer(h, deal.customerId()).orElseThrow();
                  Quote quote = quote(h, deal, owner, customer);
                  QuoteEmail email =
                      QuoteEmail.of(quote, customer.email()).withDealId("deal-" + dealId);
                  EnqueueResult queued = mailer.enqueue(email, h.getConnection());
                  if (!queued.created()) {
                    return MoveResult.ALREADY_QUEUED;
                  }
                  CrmStore.recordSend(
                      h, dealId, deal.quoteVersion(), queued.id(), queued.messageId(), actor.id());
                  return MoveResult.QUEUED;
                });
    DeliveryWorker w = worker;
    if (result == MoveResult.QUEUED && w != null) {
      w.signal(); // wake the worker now instead of at its next poll
    }
    return result;
  }

  /** The deal's quote as the library sees it. */
  Quote quote(CrmDeal deal) {
    return crm.jdbi()
        .withHandle(
            h ->
                quote(
                    h,
                    deal,
                    CrmStore.user(h, deal.ownerId()).orElseThrow(),
                    CrmStore.customer(h, deal.customerId()).orElseThrow()));
  }

  private static Quote quote(Handle h, CrmDeal deal, CrmUser owner, CrmCustomer customer) {
    List<CrmLine> lines = CrmStore.lines(h, deal.id());
    if (lines.isEmpty()) {
      throw new UserError("quote.noLines");
    }
    Salesperson salesperson = Salesperson.of(owner.id(), owner.name(), owner.email());
    if (owner.phone() != null && !owner.phone().isBlank()) {
      salesperson = salesperson.withPhone(owner.phone());
    }
    Customer.Builder buyer =
        Customer.builder(customer.name()).company(customer.company()).email(customer.email());
    if (customer.taxId() != null) {
      buyer.taxId(customer.taxId());
    }
    if (customer.address() != null) {
      buyer.address(customer.address());
    }
    LocalDate today = LocalDate.now(ZONE);
    Quote.Builder quote =
        Quote.builder(deal.quoteNumber(), COMPANY, buyer.build(), salesperson)
            .version(deal.quoteVersion())
            .dates(today, today.plusDays(30))
            .currency("MXN")
            .locale(Locale.forLanguageTag(customer.language()));
    for (CrmLine line : lines) {
      LineItem.Builder item =
          LineItem.builder(
              line.description(),
              line.quantity(),
              Money.rounded(line.unitPrice(), Money.currency("MXN")));
      if (line.unit() != null && !line.unit().isBlank()) {
        item.unit(line.unit());
      }
      quote.item(item.build());
    }
    boolean spanish = customer.language().startsWith("es");
    quote.term(
        spanish
            ? "Precios en pesos mexicanos; IVA desglosado."
            : "Prices in Mexican pesos; VAT shown separately.");
    return quote.build();
  }

  /** The deal's quote PDF, as the customer will receive it. */
  byte[] pdf(CrmDeal deal) {
    return renderer.render(quote(deal));
  }

  /** Replaces the quote's lines; each is checked the way the library will check it. */
  void saveLines(CrmUser actor, int dealId, List<CrmLine> lines) {
    CrmDeal deal = deal(dealId).orElseThrow(() -> new UserError("deal.notFound"));
    if (!mayEditQuote(actor, deal)) {
      throw new UserError("quote.notYours");
    }
    if (crm.wasSent(dealId, deal.quoteVersion())) {
      throw new UserError("quote.versionSent"); // the customer has this version: change a new one
    }
    if (lines.isEmpty()) {
      throw new UserError("quote.noLines");
    }
    List<CrmLine> checked = new ArrayList<>();
    for (CrmLine line : lines) {
      String field = "lines[" + (checked.size() + 1) + "]";
      String description = Arguments.text(field + ".description", line.description(), 300);
      Optional<String> unit = Arguments.optionalText(field + ".unit", line.unit(), 20);
      BigDecimal quantity = line.quantity();
      if (quantity.precision() - quantity.scale() > MAX_QUANTITY_DIGITS) {
        throw new InvalidInputException(field + ".quantity", "is too large");
      }
      Money price = Money.rounded(line.unitPrice(), Money.currency("MXN"));
      if (price.amount().precision() - price.amount().scale() > MAX_PRICE_DIGITS) {
        throw new InvalidInputException(field + ".price", "is too large");
      }
      LineItem.builder(description, quantity, price).build(); // the library's own checks
      checked.add(new CrmLine(description, quantity, unit.orElse(null), price.amount()));
    }
    crm.replaceLines(dealId, checked);
  }

  void bumpVersion(CrmUser actor, int dealId) {
    CrmDeal deal = deal(dealId).orElseThrow(() -> new UserError("deal.notFound"));
    if (!mayEditQuote(actor, deal)) {
      throw new UserError("quote.notYours");
    }
    crm.bumpVersion(dealId);
  }

  // ---- what happened to the emails

  /** The newest send of each deal, with its outbox state and delivery attempt. */
  Map<Integer, SendInfo> latestSendInfo() {
    Map<Integer, CrmDeal> deals = dealsById();
    return crm.latestSends().stream()
        .map(send -> info(send, deals.get(send.dealId())))
        .collect(Collectors.toMap(i -> i.send().dealId(), Function.identity()));
  }

  private Map<Integer, CrmDeal> dealsById() {
    return deals().stream().collect(Collectors.toMap(CrmDeal::id, Function.identity()));
  }

  /** Sends, newest first, with the filters of the delivery log page (either may be empty). */
  List<SendInfo> deliveries(Optional<String> userId, Optional<ResolutionReason> reason) {
    Map<Integer, CrmDeal> deals = dealsById();
    List<SendInfo> result = new ArrayList<>();
    for (CrmSend send : crm.sends(SEND_HISTORY)) {
      CrmDeal deal = deals.get(send.dealId()); // deals are never deleted
      if (userId.isPresent() && !deal.ownerId().equals(userId.get())) {
        continue;
      }
      SendInfo info = info(send, deal);
      if (reason.isPresent() && !info.reason().equals(reason)) {
        continue;
      }
      result.add(info);
    }
    return result;
  }

  private SendInfo info(CrmSend send, CrmDeal deal) {
    Optional<OutboxEntry> entry = mailer.outbox().find(send.outboxId());
    Optional<DeliveryAttempt> attempt =
        mailer.deliveryLog().byQuote(deal.quoteNumber(), Page.first(Page.MAX_LIMIT)).stream()
            .filter(a -> a.messageId().equals(send.messageId()))
            .findFirst();
    return new SendInfo(send, deal, entry, attempt);
  }

  /** Where a user's quotes go out from. */
  enum MailboxState {
    OWN_VERIFIED,
    COMPANY_FALLBACK,
    NOT_VERIFIED,
    REJECTED,
    OAUTH2_RECONNECT,
    OVER_LIMIT,
    UNREADABLE,
    DISABLED
  }

  /** What a move did. */
  enum MoveResult {
    UNCHANGED,
    MOVED,
    QUEUED,
    ALREADY_QUEUED
  }

  /** One queued email, its deal, and what the library knows of it. */
  record SendInfo(
      CrmSend send, CrmDeal deal, Optional<OutboxEntry> entry, Optional<DeliveryAttempt> attempt) {
    /** The reason of the newest attempt, or the fallback reason the outbox recorded. */
    Optional<ResolutionReason> reason() {
      return attempt
          .map(DeliveryAttempt::reason)
          .or(() -> entry.flatMap(OutboxEntry::fallbackReason));
    }
  }

  /** A refusal to show the person, by message key. */
  static final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String key) {
      super(key, null, false, false);
    }

    String key() {
      return getMessage();
    }
  }
}
