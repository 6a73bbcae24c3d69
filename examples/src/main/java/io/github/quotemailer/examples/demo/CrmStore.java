package io.github.quotemailer.examples.demo;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The host CRM's own tables ({@code crm_*}), beside QuoteMailer's {@code qm_*} tables in the same
 * database. Nothing here is part of the library: it stands for the tables a host already has.
 */
final class CrmStore {
  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS crm_role (
        role VARCHAR(20) PRIMARY KEY,
        may_send BOOLEAN NOT NULL);
      CREATE TABLE IF NOT EXISTS crm_user (
        id VARCHAR(40) PRIMARY KEY,
        name VARCHAR(120) NOT NULL,
        email VARCHAR(254) NOT NULL,
        role VARCHAR(20) NOT NULL,
        phone VARCHAR(40),
        password_hash VARCHAR(100) NOT NULL);
      CREATE TABLE IF NOT EXISTS crm_customer (
        id INT PRIMARY KEY,
        name VARCHAR(120) NOT NULL,
        company VARCHAR(160) NOT NULL,
        email VARCHAR(254) NOT NULL,
        tax_id VARCHAR(20),
        address VARCHAR(300),
        language VARCHAR(10) NOT NULL);
      CREATE TABLE IF NOT EXISTS crm_deal (
        id INT PRIMARY KEY,
        title VARCHAR(160) NOT NULL,
        customer_id INT NOT NULL REFERENCES crm_customer(id),
        owner_id VARCHAR(40) NOT NULL REFERENCES crm_user(id),
        stage VARCHAR(30) NOT NULL,
        quote_number VARCHAR(40) NOT NULL,
        quote_version INT NOT NULL);
      CREATE TABLE IF NOT EXISTS crm_quote_line (
        deal_id INT NOT NULL REFERENCES crm_deal(id),
        position INT NOT NULL,
        description VARCHAR(300) NOT NULL,
        quantity DECIMAL(14,4) NOT NULL,
        unit VARCHAR(20),
        unit_price DECIMAL(16,2) NOT NULL,
        PRIMARY KEY (deal_id, position));
      CREATE TABLE IF NOT EXISTS crm_seeded (
        seeded_at BIGINT NOT NULL);
      CREATE TABLE IF NOT EXISTS crm_quote_send (
        id BIGINT AUTO_INCREMENT PRIMARY KEY,
        deal_id INT NOT NULL REFERENCES crm_deal(id),
        quote_version INT NOT NULL,
        outbox_id VARCHAR(64) NOT NULL,
        message_id VARCHAR(400) NOT NULL,
        moved_by VARCHAR(40) NOT NULL,
        queued_at BIGINT NOT NULL);
      """;

  private final Jdbi jdbi;

  CrmStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Creates the host tables when missing; returns true when the demo data still has to be loaded (a
   * first start, or one stopped while it loaded them), after clearing what such a start left.
   */
  boolean createSchema() {
    return jdbi.inTransaction(
        h -> {
          for (String statement : SCHEMA.split(";")) {
            if (!statement.isBlank()) {
              h.execute(statement);
            }
          }
          if (h.createQuery("SELECT COUNT(*) FROM crm_seeded").mapTo(Integer.class).one() > 0) {
            return false;
          }
          for (String table :
              List.of(
                  "crm_quote_send",
                  "crm_quote_line",
                  "crm_deal",
                  "crm_customer",
                  "crm_user",
                  "crm_role")) {
            h.execute("DELETE FROM " + table);
          }
          return true;
        });
  }

  /** Records that the demo data is complete; written last by the seed. */
  void markSeeded() {
    jdbi.useHandle(
        h ->
            h.createUpdate("INSERT INTO crm_seeded (seeded_at) VALUES (:at)")
                .bind("at", Instant.now().toEpochMilli())
                .execute());
  }

  // ---- roles

  Map<Role, Boolean> rolePermissions() {
    Map<Role, Boolean> result = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      result.put(role, role.sendsByDefault());
    }
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT role, may_send FROM crm_role")
                .map((rs, ctx) -> Map.entry(Role.valueOf(rs.getString(1)), rs.getBoolean(2)))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
    return result;
  }

  boolean maySend(Handle h, Role role) {
    return h.createQuery("SELECT may_send FROM crm_role WHERE role = :role")
        .bind("role", role.name())
        .mapTo(Boolean.class)
        .findOne()
        .orElse(role.sendsByDefault());
  }

  void setRolePermissions(Map<Role, Boolean> permissions) {
    jdbi.useTransaction(
        h -> {
          h.execute("DELETE FROM crm_role");
          for (Map.Entry<Role, Boolean> e : permissions.entrySet()) {
            h.createUpdate("INSERT INTO crm_role (role, may_send) VALUES (:role, :may)")
                .bind("role", e.getKey().name())
                .bind("may", e.getValue())
                .execute();
          }
        });
  }

  // ---- users

  List<CrmUser> users() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM crm_user ORDER BY name").map(CrmStore::mapUser).list());
  }

  Optional<CrmUser> user(String id) {
    return jdbi.withHandle(h -> user(h, id));
  }

  static Optional<CrmUser> user(Handle h, String id) {
    return h.createQuery("SELECT * FROM crm_user WHERE id = :id")
        .bind("id", id)
        .map(CrmStore::mapUser)
        .findOne();
  }

  Optional<String> passwordHash(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT password_hash FROM crm_user WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
  }

  void insertUser(CrmUser user, String passwordHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO crm_user (id, name, email, role, phone, password_hash)"
                        + " VALUES (:id, :name, :email, :role, :phone, :hash)")
                .bind("id", user.id())
                .bind("name", user.name())
                .bind("email", user.email())
                .bind("role", user.role().name())
                .bind("phone", user.phone())
                .bind("hash", passwordHash)
                .execute());
  }

  void updateUser(CrmUser user, Optional<String> newPasswordHash) {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "UPDATE crm_user SET name = :name, email = :email, role = :role, phone = :phone"
                      + " WHERE id = :id")
              .bind("id", user.id())
              .bind("name", user.name())
              .bind("email", user.email())
              .bind("role", user.role().name())
              .bind("phone", user.phone())
              .execute();
          newPasswordHash.ifPresent(
              hash ->
                  h.createUpdate("UPDATE crm_user SET password_hash = :hash WHERE id = :id")
                      .bind("id", user.id())
                      .bind("hash", hash)
                      .execute());
        });
  }

  private static CrmUser mapUser(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new CrmUser(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("email"),
        Role.valueOf(rs.getString("role")),
        rs.getString("phone"));
  }

  // ---- customers

  void insertCustomer(CrmCustomer c) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO crm_customer (id, name, company, email, tax_id, address, language)"
                        + " VALUES (:id, :name, :company, :email, :tax, :address, :language)")
                .bind("id", c.id())
                .bind("name", c.name())
                .bind("company", c.company())
                .bind("email", c.email())
                .bind("tax", c.taxId())
                .bind("address", c.address())
                .bind("language", c.language())
                .execute());
  }

  static Optional<CrmCustomer> customer(Handle h, int id) {
    return h.createQuery("SELECT * FROM crm_customer WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new CrmCustomer(
                    rs.getInt("id"),
                    rs.getString("name"),
                    rs.getString("company"),
                    rs.getString("email"),
                    rs.getString("tax_id"),
                    rs.getString("address"),
                    rs.getString("language")))
        .findOne();
  }

  // ---- deals and quote lines

  void insertDeal(CrmDeal d, List<CrmLine> lines) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO crm_deal (id, title, customer_id, owner_id, stage, quote_number,"
                      + " quote_version) VALUES (:id, :title, :customer, :owner, :stage, :number,"
                      + " :version)")
              .bind("id", d.id())
              .bind("title", d.title())
              .bind("customer", d.customerId())
              .bind("owner", d.ownerId())
              .bind("stage", d.stage().name())
              .bind("number", d.quoteNumber())
              .bind("version", d.quoteVersion())
              .execute();
          replaceLines(h, d.id(), lines);
        });
  }

  List<CrmDeal> deals() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM crm_deal ORDER BY id").map(CrmStore::mapDeal).list());
  }

  Optional<CrmDeal> deal(int id) {
    return jdbi.withHandle(h -> deal(h, id, false));
  }

  /** The deal, locked for the rest of the transaction when {@code forUpdate}. */
  static Optional<CrmDeal> deal(Handle h, int id, boolean forUpdate) {
    return h.createQuery("SELECT * FROM crm_deal WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
        .bind("id", id)
        .map(CrmStore::mapDeal)
        .findOne();
  }

  private static CrmDeal mapDeal(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new CrmDeal(
        rs.getInt("id"),
        rs.getString("title"),
        rs.getInt("customer_id"),
        rs.getString("owner_id"),
        Stage.valueOf(rs.getString("stage")),
        rs.getString("quote_number"),
        rs.getInt("quote_version"));
  }

  static void setStage(Handle h, int dealId, Stage stage) {
    h.createUpdate("UPDATE crm_deal SET stage = :stage WHERE id = :id")
        .bind("id", dealId)
        .bind("stage", stage.name())
        .execute();
  }

  void bumpVersion(int dealId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE crm_deal SET quote_version = quote_version + 1 WHERE id = :id")
                .bind("id", dealId)
                .execute());
  }

  List<CrmLine> lines(int dealId) {
    return jdbi.withHandle(h -> lines(h, dealId));
  }

  static List<CrmLine> lines(Handle h, int dealId) {
    return h.createQuery("SELECT * FROM crm_quote_line WHERE deal_id = :id ORDER BY position")
        .bind("id", dealId)
        .map(
            (rs, ctx) ->
                new CrmLine(
                    rs.getString("description"),
                    rs.getBigDecimal("quantity").stripTrailingZeros(),
                    rs.getString("unit"),
                    rs.getBigDecimal("unit_price")))
        .list();
  }

  void replaceLines(int dealId, List<CrmLine> lines) {
    jdbi.useTransaction(h -> replaceLines(h, dealId, lines));
  }

  private static void replaceLines(Handle h, int dealId, List<CrmLine> lines) {
    h.createUpdate("DELETE FROM crm_quote_line WHERE deal_id = :id").bind("id", dealId).execute();
    int position = 1;
    for (CrmLine line : lines) {
      h.createUpdate(
              "INSERT INTO crm_quote_line (deal_id, position, description, quantity, unit,"
                  + " unit_price) VALUES (:deal, :pos, :description, :quantity, :unit, :price)")
          .bind("deal", dealId)
          .bind("pos", position++)
          .bind("description", line.description())
          .bind("quantity", line.quantity())
          .bind("unit", line.unit())
          .bind("price", line.unitPrice())
          .execute();
    }
  }

  // ---- quote sends (one row per email the library accepted into its outbox)

  static void recordSend(
      Handle h, int dealId, int version, String outboxId, String messageId, String movedBy) {
    h.createUpdate(
            "INSERT INTO crm_quote_send (deal_id, quote_version, outbox_id, message_id, moved_by,"
                + " queued_at) VALUES (:deal, :version, :outbox, :message, :by, :at)")
        .bind("deal", dealId)
        .bind("version", version)
        .bind("outbox", outboxId)
        .bind("message", messageId)
        .bind("by", movedBy)
        .bind("at", Instant.now().toEpochMilli())
        .execute();
  }

  /** Whether the given version of a deal's quote was ever queued. */
  boolean wasSent(int dealId, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM crm_quote_send WHERE deal_id = :deal AND quote_version ="
                            + " :version")
                    .bind("deal", dealId)
                    .bind("version", version)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** The newest send of each deal that has one. */
  List<CrmSend> latestSends() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM crm_quote_send s WHERE s.id ="
                        + " (SELECT MAX(id) FROM crm_quote_send n WHERE n.deal_id = s.deal_id)")
                .map(CrmStore::mapSend)
                .list());
  }

  /** Sends, newest first. */
  List<CrmSend> sends(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM crm_quote_send ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(CrmStore::mapSend)
                .list());
  }

  private static CrmSend mapSend(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new CrmSend(
        rs.getLong("id"),
        rs.getInt("deal_id"),
        rs.getInt("quote_version"),
        rs.getString("outbox_id"),
        rs.getString("message_id"),
        rs.getString("moved_by"),
        Instant.ofEpochMilli(rs.getLong("queued_at")));
  }

  /** A CRM user: the host's own account, which QuoteMailer knows only by its id. */
  record CrmUser(String id, String name, String email, Role role, String phone) {}

  /** A customer. */
  record CrmCustomer(
      int id,
      String name,
      String company,
      String email,
      String taxId,
      String address,
      String language) {}

  /** A deal with its quote's number and version. */
  record CrmDeal(
      int id,
      String title,
      int customerId,
      String ownerId,
      Stage stage,
      String quoteNumber,
      int quoteVersion) {}

  /** One line of a deal's quote. */
  record CrmLine(String description, BigDecimal quantity, String unit, BigDecimal unitPrice) {}

  /** One email queued for a deal. */
  record CrmSend(
      long id,
      int dealId,
      int quoteVersion,
      String outboxId,
      String messageId,
      String movedBy,
      Instant queuedAt) {}
}
