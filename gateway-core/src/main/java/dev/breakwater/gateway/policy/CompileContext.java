package dev.breakwater.gateway.policy;

import java.util.Set;

/**
 * What a factory knows about where an element stands when it compiles it.
 *
 * @param section            the section the element is in
 * @param scope              the scope whose document holds the element
 * @param templateParameters the parameters of the operation's URL template the pipeline serves,
 *                           empty for an API without operations, {@code null} when the element is
 *                           compiled for no particular route (a global policy checked on its own)
 */
public record CompileContext(Section section, Scope scope, Set<String> templateParameters) {

    /** True when the template parameters are known, so that references to them can be checked. */
    public boolean knowsTemplateParameters() {
        return templateParameters != null;
    }
}
