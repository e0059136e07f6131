/// Placeholder entry until the CLI lands.
public enum PlanCatalogCLI {
    public static func main() {}
}
