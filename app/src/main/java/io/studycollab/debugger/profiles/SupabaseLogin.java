package io.studycollab.debugger.profiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.studycollab.realtime.supabase.SupabaseProject;

/**
 * How a "Supabase project" profile signs in: the project's URL, its anon or publishable key (a
 * key, not a secret in Supabase's model, still masked in the UI and kept out of logs) and the
 * user's email, or anonymously. The password is never part of a profile: it lives in the OS
 * keychain when {@code rememberPassword} and a keychain exists, and is asked for otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupabaseLogin(
        String projectUrl, String anonKey, String email, boolean anonymous, boolean rememberPassword) {

    /** @throws IllegalArgumentException with a reason a person can act on */
    public SupabaseProject project() {
        return SupabaseProject.of(projectUrl, anonKey);
    }

    /** The keychain entry's account: one password per project and email. */
    public String keychainAccount() {
        return SupabaseProject.of(projectUrl, anonKey).url() + " " + email;
    }

    /** "ada@example.com" or "anonymous", for labels. */
    public String who() {
        return anonymous || email == null ? "anonymous" : email;
    }

    @Override
    public String toString() {
        return "SupabaseLogin[" + projectUrl + ", " + who() + "]"; // never the key
    }
}
