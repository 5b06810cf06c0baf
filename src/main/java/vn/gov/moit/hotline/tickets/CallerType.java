package vn.gov.moit.hotline.tickets;

/** Who is calling, as the report breaks tickets down. */
public enum CallerType {
    CITIZEN,
    BUSINESS,
    COMMUNE_PEOPLES_COMMITTEE,
    WARD_PEOPLES_COMMITTEE,
    SPECIAL_ZONE_PEOPLES_COMMITTEE,
    PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE,
    OTHER
}
