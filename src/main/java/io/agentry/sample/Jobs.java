package io.agentry.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Openings for a sample company's careers page: none to twelve roles of its sector, posted in the
 * two months before the snapshot and open for one or two more, with UK salaries of 2025.
 */
final class Jobs {
    /** Title | lowest salary in £k | highest in £k | what the job is. */
    private static final List<String> SOFTWARE = List.of(
            "Senior Backend Engineer (Java)|70|95|design and run the services behind our product",
            "Backend Engineer (Go)|55|75|build APIs and the jobs that keep our data fresh",
            "Frontend Engineer (React)|50|75|build the screens our customers use every day",
            "Full Stack Developer (TypeScript)|50|70|ship features end to end, from database to browser",
            "Data Engineer|55|80|own the pipelines that feed our analytics",
            "Machine Learning Engineer|65|95|put models into production and keep them honest",
            "DevOps Engineer|55|80|automate our infrastructure on AWS with Terraform",
            "Site Reliability Engineer|65|90|keep the platform fast and available",
            "QA Engineer|40|55|own test automation across web and mobile",
            "Engineering Manager|85|110|lead a team of six engineers",
            "Product Manager|60|85|decide what we build next, with customers",
            "Product Designer|50|70|design flows that make complex work simple",
            "Customer Success Manager|35|50|help customers get value from day one",
            "Account Executive|45|60|win new customers across the UK",
            "Sales Development Representative|28|35|start conversations with new customers",
            "Technical Support Engineer|30|42|solve customers' problems by chat and phone");

    private static final List<String> FINTECH = List.of(
            "Payments Engineer|65|90|build the systems that move our customers' money",
            "Senior Software Engineer (Kotlin)|70|95|build our core ledger and its APIs",
            "Compliance Analyst|35|50|keep us on the right side of the rules",
            "Financial Crime Analyst|32|45|investigate alerts and report suspicious activity",
            "KYC Operations Associate|26|32|verify new customers quickly and carefully",
            "Risk Analyst|40|55|measure and manage credit and fraud risk",
            "Data Analyst|38|52|turn our data into decisions",
            "Product Manager, Payments|70|90|own our payment products",
            "Treasury Operations Analyst|35|48|manage safeguarding and liquidity",
            "Financial Controller|65|85|run month-end and our audit",
            "Customer Support Specialist|25|30|help customers by chat, email and phone",
            "Head of Partnerships|80|110|grow our partner channel",
            "Backend Engineer (Python)|55|80|build integrations with banks and card schemes",
            "Platform Engineer|60|85|run our cloud platform securely");
    private static final List<String> RETAIL = List.of(
            "E-commerce Manager|38|50|run our online store day to day",
            "Digital Marketing Executive|26|32|plan our email, social and paid campaigns",
            "Customer Service Advisor|23|26|look after customers by email and phone",
            "Warehouse Operative|22|25|pick, pack and dispatch orders",
            "Buyer|32|42|find the products our customers love",
            "Merchandiser|30|38|plan ranges and stock",
            "Content Creator|26|32|photograph and film our products",
            "Shopify Developer|40|55|build and improve our store",
            "Fulfilment Team Leader|27|32|lead our warehouse team",
            "Social Media Manager|30|38|grow our community online",
            "Operations Assistant|23|27|keep orders, suppliers and stock in step");
    private static final List<String> LOCAL = List.of(
            "Office Manager|28|35|keep the office running smoothly",
            "Marketing Coordinator|26|32|plan and run our marketing",
            "Finance Assistant|25|30|handle invoices, payments and payroll",
            "Project Manager|40|55|deliver client projects on time",
            "Consultant|35|48|work with clients on their projects",
            "Senior Consultant|50|65|lead client engagements",
            "Graphic Designer|26|34|design for print and screen",
            "Chef de Partie|27|31|run a section of our kitchen",
            "Front of House Supervisor|25|28|look after our guests",
            "Receptionist|22|25|welcome clients and manage bookings",
            "Physiotherapist|35|45|treat patients in our clinic",
            "Account Manager|32|42|look after our clients");

    private Jobs() {}

    static List<Site.Job> openings(Sector sector, SplittableRandom random) {
        List<String> roles = switch (sector) {
            case SOFTWARE -> SOFTWARE;
            case FINTECH -> FINTECH;
            case RETAIL -> RETAIL;
            default -> LOCAL;
        };
        int roll = random.nextInt(100);
        int count = roll < 15
                ? 0
                : roll < 60 ? 1 + random.nextInt(3) : roll < 90 ? 4 + random.nextInt(4) : 8 + random.nextInt(5);
        List<String> left = new ArrayList<>(roles);
        List<Site.Job> jobs = new ArrayList<>(count);
        for (int i = 0; i < count && !left.isEmpty(); i++) {
            String[] role = left.remove(random.nextInt(left.size())).split("\\|");
            int low = Integer.parseInt(role[1]) * 1000;
            int high = Integer.parseInt(role[2]) * 1000;
            boolean remote = (sector == Sector.SOFTWARE || sector == Sector.FINTECH) && random.nextInt(3) == 0;
            LocalDate posted = CompanyGenerator.SNAPSHOT.minusDays(1 + random.nextInt(60));
            jobs.add(new Site.Job(
                    role[0],
                    role[3],
                    random.nextInt(8) == 0 ? "CONTRACTOR" : random.nextInt(10) == 0 ? "PART_TIME" : "FULL_TIME",
                    remote,
                    low,
                    high,
                    posted,
                    posted.plusDays(30 + random.nextInt(31))));
        }
        return jobs;
    }
}
