package se.uppfoljning.config;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.uppfoljning.identity.KeyFiles;
import se.uppfoljning.identity.PersonKeyHasher;
import se.uppfoljning.identity.PersonnummerCipher;

/**
 * The two keys of the installation: the secret behind person keys (HMAC) and the key that encrypts
 * stored personnummer (AES-GCM). Each comes from configuration (base64) or from a key file that is
 * created on first run with owner-only permissions. Losing them makes stored numbers unreadable and
 * new person keys differ from old ones: back up the key folder with the database.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {
    private static final int KEY_BYTES = 32;

    @Bean
    PersonKeyHasher personKeyHasher(@Value("${uppfoljning.keys.person-key-secret:}") String configured,
                                    @Value("${uppfoljning.keys.dir:${uppfoljning.data-dir:data}/keys}") String dir) {
        return new PersonKeyHasher(key(configured, "uppfoljning.keys.person-key-secret", Path.of(dir, "person-key.secret")));
    }

    @Bean
    PersonnummerCipher personnummerCipher(@Value("${uppfoljning.keys.pnr-encryption-key:}") String configured,
                                          @Value("${uppfoljning.keys.dir:${uppfoljning.data-dir:data}/keys}") String dir) {
        return new PersonnummerCipher(key(configured, "uppfoljning.keys.pnr-encryption-key", Path.of(dir, "pnr-encryption.key")));
    }

    private static byte[] key(String configured, String setting, Path file) {
        if (!configured.isBlank()) return KeyFiles.decodeConfigured(configured, KEY_BYTES, setting);
        return KeyFiles.loadOrCreate(file, KEY_BYTES);
    }
}
