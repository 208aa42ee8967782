package dev.breakwater.gateway.policy.expression.library;

/** .NET names that policy expressions may not use here, with the reason the compile error gives. */
final class Refusals {

    private static final String NOT_ALLOWED = "is not allowed in policy expressions";
    private static final String XML = "is not supported yet (XML in policy expressions)";

    private Refusals() {
    }

    static void register(LibraryBuilder b) {
        for (String xml : new String[] {"XDocument", "XElement", "XNode", "XAttribute", "XName", "XNamespace", "XmlDocument",
            "XmlReader", "XmlNode", "XmlElement", "XPathNavigator", "XContainer", "XText", "XCData", "XComment"}) {
            b.refuse(xml, XML);
        }
        for (String name : new String[] {"System.IO.File", "System.IO.Directory", "System.IO.Path", "System.IO.Stream",
            "System.IO.FileStream", "System.Net.Http.HttpClient", "System.Net.WebClient", "System.Diagnostics.Process",
            "System.Reflection.Assembly", "System.Type", "System.Activator", "System.AppDomain", "System.Environment",
            "System.Threading.Thread", "System.Threading.Tasks.Task", "System.GC", "System.Console", "File", "Directory",
            "HttpClient", "WebClient", "Process", "Assembly", "Activator", "Environment", "Thread", "Task", "Console"}) {
            b.refuse(name, NOT_ALLOWED);
        }
        b.refuse("dynamic", "is not supported in policy expressions");
    }
}
