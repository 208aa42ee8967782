package dev.breakwater.gateway.policy.expression.library;

/**
 * One area of the .NET library (strings, collections, JSON…). All areas declare their types first,
 * then define members, so that signatures may name types of any area.
 */
interface LibraryArea {

    void declare(LibraryBuilder b);

    void define(LibraryBuilder b);
}
