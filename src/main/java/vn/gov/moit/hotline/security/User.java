package vn.gov.moit.hotline.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who logs in. The password is stored only as a bcrypt hash (security-jpa's default format). */
@Entity
@Table(name = "app_user")
@UserDefinition
class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    Long id;

    @Username
    String username;

    @Password
    @Column(name = "password_hash")
    String passwordHash;

    /** Comma-separated role names; one role per user in practice. */
    @Roles
    String roles;

    @Column(name = "display_name")
    String displayName;

    /** Set for officers only: the one department whose tickets they work. */
    @Column(name = "department_code")
    String departmentCode;

    /** Set for operators: the phone extension / queue member they answer on. */
    String extension;

    /** Where notifications go; none: the user is told in the pages only. */
    String email;

    /** The language of the user's e-mail: vi or en. */
    String language = "vi";

    @Column(name = "created_at")
    Instant createdAt;

    @Version
    long version;

    static User findByUsername(String username) {
        return find("username", username).firstResult();
    }
}
