// Name pools by heritage. Names are common ones, combined at random, so any resemblance of a
// generated person to a real one is chance; the mix reflects the UK's population, not one group.

export type Heritage =
  | 'british'
  | 'caribbean'
  | 'indian'
  | 'pakistani'
  | 'bangladeshi'
  | 'nigerian'
  | 'ghanaian'
  | 'zimbabwean'
  | 'somali'
  | 'eritrean'
  | 'afghan'
  | 'arabic'
  | 'iranian'
  | 'chinese'
  | 'filipino'
  | 'polish'
  | 'romanian'
  | 'lithuanian'
  | 'french'
  | 'german'
  | 'italian'
  | 'spanish'
  | 'portuguese';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
}

const words = (list: string): readonly string[] => list.trim().split(/\s*,\s*/);

export const namePools: Record<Heritage, NamePool> = {
  british: {
    female: words(
      'Olivia, Amelia, Isla, Emily, Sophie, Jessica, Charlotte, Hannah, Lucy, Grace, Chloe, Ella, Rebecca, Sarah, Laura, Emma, Rachel, Claire, Karen, Susan, Helen, Julie, Margaret, Patricia, Joan, Elaine, Gemma, Kirsty, Megan, Poppy',
    ),
    male: words(
      'Oliver, Harry, George, Jack, Noah, Charlie, Thomas, James, William, Daniel, Joshua, Samuel, Matthew, Luke, Ryan, Liam, David, Paul, Mark, Andrew, Stephen, Peter, John, Michael, Robert, Gary, Craig, Dean, Alan, Keith',
    ),
    surnames: words(
      'Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Hughes, Edwards, Turner, Hill, Moore, Cooper, Harris, Ward, Baker, Lewis, Shaw, Marshall, Holmes, Barker, Atkinson, Lawson, Fletcher, Pickering, Sutcliffe, Ashworth',
    ),
  },
  caribbean: {
    female: words(
      'Hortense, Beverley, Marcia, Maxine, Sonia, Jennifer, Pauline, Gloria, Yvonne, Paulette, Claudette, Norma, Merlene, Shanice, Tanisha, Keisha, Jade, Aaliyah',
    ),
    male: words(
      'Winston, Delroy, Clive, Errol, Lloyd, Desmond, Neville, Leroy, Everton, Carlton, Linton, Junior, Tyrone, Dwayne, Marlon, Jermaine, Kareem, Andre',
    ),
    surnames: words(
      'Campbell, Brown, Francis, Grant, Bailey, Henry, Thomas, Morgan, Clarke, Johnson, Gordon, Reid, Samuels, Bennett, McKenzie, Powell, Whyte, Forbes, Blake, Stewart, Gayle, Lewis',
    ),
  },
  indian: {
    female: words(
      'Priya, Anjali, Deepa, Kavita, Sunita, Pooja, Neha, Meera, Lakshmi, Harpreet, Manjit, Gurpreet, Anika, Riya, Divya, Simran',
    ),
    male: words(
      'Rajesh, Sanjay, Amit, Vikram, Arjun, Rohan, Anil, Suresh, Harjit, Gurdeep, Kulwinder, Ravi, Nikhil, Aarav, Kiran, Dev',
    ),
    surnames: words(
      'Patel, Sharma, Singh, Kaur, Gupta, Mistry, Shah, Joshi, Kumar, Chauhan, Sandhu, Gill, Dhillon, Mehta, Iyer, Raghunathan, Desai, Parmar',
    ),
  },
  pakistani: {
    female: words(
      'Ayesha, Fatima, Zainab, Maryam, Sana, Nadia, Shazia, Rubina, Bushra, Samina, Hina, Amina, Iqra, Mehreen',
    ),
    male: words(
      'Mohammed, Muhammad, Imran, Tariq, Asif, Zubair, Usman, Bilal, Hamza, Adeel, Kashif, Shahid, Naveed, Faisal',
    ),
    surnames: words(
      'Khan, Hussain, Ahmed, Akhtar, Ali, Iqbal, Mahmood, Rashid, Malik, Butt, Chaudhry, Qureshi, Raza, Aslam, Shah',
    ),
  },
  bangladeshi: {
    female: words('Nasrin, Rahima, Shirin, Taslima, Rumana, Sadia, Farhana, Jesmin, Laila, Tahmina'),
    male: words('Abdul, Mizanur, Shahidul, Rafiq, Jamal, Habib, Anwar, Sohel, Rezaul, Tanvir'),
    surnames: words('Miah, Begum, Uddin, Rahman, Islam, Ahmed, Choudhury, Hoque, Ali, Khatun, Sarkar'),
  },
  nigerian: {
    female: words(
      'Ngozi, Chiamaka, Adaeze, Folake, Funmilayo, Yetunde, Bukola, Ifeoma, Amara, Chioma, Temitope, Blessing, Precious',
    ),
    male: words(
      'Chukwuemeka, Obinna, Chinedu, Oluwaseun, Babatunde, Adebayo, Tunde, Emeka, Ikenna, Olumide, Femi, Ifeanyi',
    ),
    surnames: words(
      'Okonkwo, Adeyemi, Okafor, Balogun, Eze, Nwosu, Adebayo, Olawale, Ogunleye, Obi, Chukwu, Okeke, Afolabi',
    ),
  },
  ghanaian: {
    female: words('Akosua, Abena, Ama, Efua, Adwoa, Yaa, Esi, Akua, Afia, Gifty'),
    male: words('Kwame, Kofi, Kwabena, Kwaku, Yaw, Kojo, Kwesi, Nana, Ebo, Fiifi'),
    surnames: words('Mensah, Asante, Owusu, Boateng, Appiah, Osei, Agyeman, Ansah, Acheampong, Darko, Boakye'),
  },
  zimbabwean: {
    female: words('Tendai, Rutendo, Chipo, Nyasha, Tatenda, Rumbidzai, Tsitsi, Fadzai'),
    male: words('Tafadzwa, Farai, Tinashe, Blessing, Kudakwashe, Takudzwa, Simba, Tapiwa'),
    surnames: words('Moyo, Ncube, Dube, Sibanda, Ndlovu, Mpofu, Chikwanha, Mutasa, Nyathi'),
  },
  somali: {
    female: words('Hodan, Sahra, Fartun, Ayan, Hawa, Ifrah, Nimco, Sagal, Ubah'),
    male: words('Abdi, Abdirahman, Mohamed, Hassan, Ahmed, Yusuf, Liban, Omar, Said'),
    surnames: words('Farah, Hassan, Warsame, Abdi, Jama, Osman, Ali, Mohamud, Egal, Nur'),
  },
  eritrean: {
    female: words('Selam, Helen, Saba, Feven, Meron, Luwam, Winta, Senait'),
    male: words('Yonas, Dawit, Samuel, Filmon, Tesfay, Robel, Habtom, Biniam'),
    surnames: words('Tesfaye, Tekle, Berhane, Gebremariam, Haile, Kidane, Ghebreyesus, Mehari'),
  },
  afghan: {
    female: words('Parwana, Mariam, Zarghona, Farishta, Shabnam, Nilofar, Roya'),
    male: words('Ahmad, Najib, Farid, Rahmatullah, Hamid, Jawad, Sultan, Zabihullah'),
    surnames: words('Ahmadzai, Popal, Stanikzai, Noori, Safi, Rahimi, Sultani, Hakimi'),
  },
  arabic: {
    female: words('Layla, Rania, Noor, Huda, Yasmin, Dalia, Amal, Reem, Salma'),
    male: words('Omar, Khaled, Ahmad, Mahmoud, Yousef, Tariq, Karim, Samir, Hussein'),
    surnames: words('Haddad, Al-Hassan, Khalil, Nasser, Saleh, Mansour, Abbas, Ibrahim, Osman, Al-Amin'),
  },
  iranian: {
    female: words('Shirin, Maryam, Parisa, Niloufar, Leila, Azadeh, Roya'),
    male: words('Reza, Amir, Mehdi, Behzad, Dariush, Kaveh, Arash'),
    surnames: words('Hosseini, Rezaei, Mohammadi, Karimi, Ahmadi, Jafari, Rahimi, Moradi'),
  },
  chinese: {
    female: words('Li Na, Mei, Xiu Ying, Jing, Yan, Hui, Xin, Ling'),
    male: words('Wei, Jun, Hao, Jian, Ming, Lei, Qiang, Yong'),
    surnames: words('Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Chan, Wong'),
  },
  filipino: {
    female: words('Maria, Rosario, Jocelyn, Maricel, Lorna, Cristina, Angelica, Jasmine'),
    male: words('Jose, Rodel, Mark Anthony, Reynaldo, Jerome, Carlo, Joel, Ramon'),
    surnames: words('Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Dela Cruz, Villanueva, Ramos, Aquino'),
  },
  polish: {
    female: words('Agnieszka, Katarzyna, Magdalena, Joanna, Anna, Ewa, Marta, Zofia, Aleksandra, Natalia'),
    male: words('Piotr, Tomasz, Krzysztof, Pawel, Marcin, Michal, Jakub, Lukasz, Grzegorz, Kacper'),
    surnames: words(
      'Nowak, Kowalski, Wisniewski, Wojcik, Kaminski, Lewandowski, Zielinski, Szymanski, Dabrowski, Kozlowska',
    ),
  },
  romanian: {
    female: words('Ioana, Elena, Andreea, Mihaela, Cristina, Alexandra, Gabriela, Roxana'),
    male: words('Andrei, Alexandru, Ionut, Florin, Mihai, Bogdan, Catalin, Vasile'),
    surnames: words('Popescu, Ionescu, Popa, Dumitru, Stan, Stoica, Gheorghe, Constantin, Munteanu'),
  },
  lithuanian: {
    female: words('Ruta, Egle, Ieva, Greta, Austeja, Jurgita, Laura'),
    male: words('Tomas, Mantas, Darius, Lukas, Jonas, Mindaugas, Paulius'),
    surnames: words('Kazlauskas, Jankauskas, Petrauskas, Stankevicius, Vasiliauskas, Zukauskas'),
  },
  french: {
    female: words('Camille, Chloe, Manon, Lea, Juliette, Claire, Sophie, Amelie'),
    male: words('Louis, Hugo, Antoine, Julien, Nicolas, Mathieu, Pierre, Thomas'),
    surnames: words('Martin, Bernard, Durand, Dubois, Moreau, Laurent, Lefebvre, Girard, Fournier'),
  },
  german: {
    female: words('Anna, Lena, Katharina, Sabine, Julia, Laura, Miriam'),
    male: words('Lukas, Felix, Jonas, Stefan, Matthias, Tobias, Florian'),
    surnames: words('Muller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann'),
  },
  italian: {
    female: words('Giulia, Francesca, Chiara, Sara, Martina, Alessia, Valentina'),
    male: words('Marco, Luca, Alessandro, Giuseppe, Matteo, Davide, Francesco'),
    surnames: words('Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Greco'),
  },
  spanish: {
    female: words('Lucia, Maria, Paula, Laura, Marta, Carmen, Elena'),
    male: words('Javier, Alejandro, Pablo, Daniel, Sergio, Carlos, Diego'),
    surnames: words('Garcia, Fernandez, Gonzalez, Rodriguez, Lopez, Martinez, Sanchez, Perez, Gomez'),
  },
  portuguese: {
    female: words('Ana, Beatriz, Ines, Mariana, Catarina, Rita, Joana'),
    male: words('Joao, Tiago, Rui, Pedro, Miguel, Diogo, Nuno'),
    surnames: words('Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa'),
  },
};
